package dev.mlops.deploy.strategy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a canary's {@code steps} setting into traffic shares in (0, 1]. */
final class CanarySchedule {
    private static final Pattern LINEAR = Pattern.compile("\\s*linear\\s*\\(\\s*([^)]*?)\\s*\\)\\s*");
    private static final double PERCENT = 100;
    private static final double SLACK = 1e-9;

    private CanarySchedule() {
    }

    /**
     * @param steps {@code "5,25,50,100"} or {@code "linear(10)"}
     * @return the shares of the steps, in (0, 1], strictly increasing
     * @throws IllegalArgumentException naming the setting, its value and what was expected
     */
    static double[] parse(String steps) {
        Matcher linear = LINEAR.matcher(steps);
        if (linear.matches()) {
            return linear(steps, percent(steps, linear.group(1)));
        }
        String[] parts = steps.split(",", -1);
        double[] shares = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            double percent = percent(steps, parts[i]);
            if (i > 0 && percent <= shares[i - 1] * PERCENT) {
                throw refused(steps, "the percentages must strictly increase, but " + parts[i].strip()
                        + " follows " + parts[i - 1].strip());
            }
            shares[i] = percent / PERCENT;
        }
        return shares;
    }

    private static double[] linear(String steps, double step) {
        int whole = (int) Math.ceil(PERCENT / step - SLACK);
        double[] shares = new double[whole];
        for (int i = 0; i < whole; i++) {
            shares[i] = i == whole - 1 ? 1 : (i + 1) * step / PERCENT;
        }
        return shares;
    }

    private static double percent(String steps, String text) {
        double percent;
        try {
            percent = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw refused(steps, "'" + text.strip() + "' is not a number");
        }
        if (!(percent > 0 && percent <= PERCENT)) {
            throw refused(steps, "each percentage must be in (0, 100], but one was " + text.strip());
        }
        return percent;
    }

    private static IllegalArgumentException refused(String steps, String why) {
        return new IllegalArgumentException("the setting 'steps' must be percentages such as \"5,25,50,100\" or"
                + " \"linear(10)\" but was \"" + steps + "\": " + why);
    }
}
