package dev.mlops.deploy.serving;

import java.util.List;

/**
 * How an {@link AsyncEndpoint}'s shutdown went.
 *
 * @param drained true if every queued and running request ended within the drain time
 * @param abandoned the ids of the requests left unanswered, in the order submitted (empty if drained);
 *     their futures completed with {@link AsyncException.Reason#ABANDONED}
 */
public record AsyncShutdown(boolean drained, List<String> abandoned) {
    /**
     * @param drained whether it drained
     * @param abandoned the abandoned ids
     */
    public AsyncShutdown {
        abandoned = List.copyOf(abandoned);
    }
}
