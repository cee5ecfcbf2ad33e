package dev.mlops.monitor.alarm;

/**
 * Where one rule stands on one series. The transitions, each made by an observation:
 * <ul>
 *   <li>{@code OK -> PENDING}: a threshold rule's condition holds, fewer than N windows in a row;</li>
 *   <li>{@code OK or PENDING -> FIRING}: the condition held N windows in a row (a change rule: a
 *       change was detected); an {@link AlarmEvent.Kind#RAISED} event is sent;</li>
 *   <li>{@code PENDING -> OK}: the condition stopped before N windows; no event;</li>
 *   <li>{@code FIRING -> OK}: the condition stopped (a change rule: no new change for its
 *       clearing number of windows); an {@link AlarmEvent.Kind#CLEARED} event is sent.</li>
 * </ul>
 */
public enum AlarmState {
    /** The condition does not hold. */
    OK,
    /** The condition holds, not yet for enough windows in a row. */
    PENDING,
    /** The alarm is raised. */
    FIRING
}
