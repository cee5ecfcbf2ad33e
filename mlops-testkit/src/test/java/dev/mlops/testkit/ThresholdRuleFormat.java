package dev.mlops.testkit;

import dev.mlops.core.component.AbstractComponent;
import dev.mlops.core.component.ComponentType;
import dev.mlops.deploy.format.ModelFormat;
import dev.mlops.deploy.format.ModelFormatException;
import dev.mlops.train.predict.Predictor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A user's own model format, registered through {@code META-INF/services} of the tests: a
 * {@link ThresholdRule} as six lines of text, the first naming the format and its version and the
 * last {@code end}, so that anything else, cut short or not, is refused.
 */
final class ThresholdRuleFormat extends AbstractComponent<ThresholdRuleFormat.Settings> implements ModelFormat {
    static final String TYPE = "threshold-rule";
    private static final String HEADER = "threshold-rule 1";

    /** No settings. */
    record Settings() {
    }

    ThresholdRuleFormat() {
        super(TYPE, new Settings());
    }

    @Override
    public boolean canWrite(Predictor predictor) {
        return predictor instanceof ThresholdRule;
    }

    @Override
    public void write(Predictor predictor, OutputStream out) {
        if (!(predictor instanceof ThresholdRule rule)) {
            throw new IllegalArgumentException("the threshold-rule format writes ThresholdRules, not "
                    + predictor.getClass().getName());
        }
        String text = String.format(Locale.ROOT, "%s%nfeature=%s%nthreshold=%s%nbelow=%s%nabove=%s%nend%n", HEADER,
                rule.feature(), rule.threshold(), rule.below(), rule.above()).replace(System.lineSeparator(), "\n");
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Predictor read(InputStream in, String source) {
        String text;
        try {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] lines = text.split("\n", -1);
        if (lines.length != 7 || !lines[0].equals(HEADER) || !lines[5].equals("end") || !lines[6].isEmpty()) {
            throw new ModelFormatException(source, "not a threshold rule: expected the lines '" + HEADER
                    + "', feature, threshold, below, above and 'end'");
        }
        try {
            return new ThresholdRule(value(lines[1], "feature", source), Double.parseDouble(value(lines[2],
                    "threshold", source)), value(lines[3], "below", source), value(lines[4], "above", source));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(source, "not a threshold rule: " + e.getMessage(), e);
        }
    }

    private static String value(String line, String key, String source) {
        if (!line.startsWith(key + "=")) {
            throw new ModelFormatException(source, "expected '" + key + "=' but found '" + line + "'");
        }
        return line.substring(key.length() + 1);
    }

    /** Registers the format. */
    public static final class Type extends ComponentType<ModelFormat, Settings> {
        /** Describes the type. */
        public Type() {
            super(ModelFormat.class, TYPE, Settings.class, "a threshold rule as six lines of text");
        }

        @Override
        public ModelFormat create(Settings settings) {
            return new ThresholdRuleFormat();
        }
    }
}
