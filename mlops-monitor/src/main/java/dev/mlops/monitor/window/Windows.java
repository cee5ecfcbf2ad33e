package dev.mlops.monitor.window;

import java.util.List;
import java.util.Objects;

/**
 * Windows cut from records held in memory, with what cutting found.
 *
 * @param windows the windows, oldest first, unmodifiable
 * @param run what cutting found (late and skipped records, empty windows)
 */
public record Windows(List<Window> windows, WindowRun run) {

    /**
     * Keeps an unmodifiable copy of the windows.
     *
     * @param windows the windows
     * @param run what cutting found
     */
    public Windows {
        windows = List.copyOf(windows);
        Objects.requireNonNull(run, "run");
    }
}
