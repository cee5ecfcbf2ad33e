package dev.mlops.deploy.gate;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.data.slice.Slice;
import dev.mlops.train.metrics.Metric;
import dev.mlops.train.significance.PairedBootstrap;
import dev.mlops.train.significance.PairedBootstrapResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link QualityGate} hands each {@link GateRule}: the candidate's and the reference
 * model's evaluations on the validation set and, if given, on the recent set, the baseline's,
 * and the seeded bootstrap. Made only by the gate, after it has checked that every evaluation
 * it compares was made on the same rows. Immutable.
 */
public final class GateEvidence {
    private final GateInput input;
    private final Evaluation reference;
    private final PairedBootstrap bootstrap;

    GateEvidence(GateInput input, Evaluation reference, PairedBootstrap bootstrap) {
        this.input = input;
        this.reference = reference;
        this.bootstrap = bootstrap;
    }

    /** Two models' predictions of the same rows, and where they come from. */
    record Pair(String scope, Column truth, Table candidate, Table reference) {
        PairedBootstrapResult compare(Metric metric, PairedBootstrap bootstrap) {
            return bootstrap.compare(metric, truth, candidate, reference);
        }
    }

    /** The validation set's evaluations and, if given, the recent set's. */
    record Scope(String name, Evaluation candidate, Evaluation reference) {
        Pair whole() {
            return new Pair(name, candidate.set().truth(), candidate.predictions(), reference.predictions());
        }

        Pair slice(Slice slice, int[] members) {
            Table rows = candidate.set().rows().rows(members);
            String prefix = name.equals(GateInput.VALIDATION) ? "" : name + " ";
            return new Pair(prefix + "slice " + slice.name(), rows.column(candidate.set().label()),
                    candidate.predictions().rows(members), reference.predictions().rows(members));
        }
    }

    /** @return the validation scope, then the recent one if given */
    List<Scope> scopes() {
        List<Scope> scopes = new ArrayList<>();
        scopes.add(new Scope(GateInput.VALIDATION, input.candidate(), reference));
        Evaluation recent = input.recentCandidate();
        if (recent != null) {
            scopes.add(new Scope(GateInput.RECENT, recent, Objects.requireNonNull(input.recentReference())));
        }
        return scopes;
    }

    /** @return the candidate's evaluation on the validation set */
    Evaluation candidate() {
        return input.candidate();
    }

    /** @return the model compared with: production, or the baseline when there is none */
    Evaluation reference() {
        return reference;
    }

    /** @return the baseline's evaluation, if given */
    @Nullable Evaluation baseline() {
        return input.baseline();
    }

    /** @return the seeded bootstrap of the gate */
    PairedBootstrap bootstrap() {
        return bootstrap;
    }
}
