package dev.mlops.benchmarks;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.deploy.serving.Endpoint;
import dev.mlops.deploy.serving.PredictRequest;
import dev.mlops.deploy.serving.ShadowReport;
import dev.mlops.deploy.serving.VariantStats;
import dev.mlops.deploy.strategy.ShadowStrategy;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A timed harness: 16 threads send 1,000,000 requests each (distinct unit ids) through one
 * endpoint whose shadow strategy copies a configured share of units (0.3) to a shadow; a trivial
 * model answers on the callers' threads. It checks that every request was answered and counted,
 * that every copy was enqueued or counted as dropped, and that the share of copied requests
 * matches 0.3 within six standard deviations; it prints the rate. Exits 1 on a failed check.
 *
 * <pre>{@code java -cp mlops-benchmarks/target/benchmarks.jar dev.mlops.benchmarks.EndpointSplitHarness [threads] [perThread]}</pre>
 */
public final class EndpointSplitHarness {
    private static final double SHARE = 0.3;
    private static final Schema INPUT = Schema.of(Field.of("x", ColumnType.NUMERIC));

    private EndpointSplitHarness() {
    }

    /**
     * Runs the harness.
     *
     * @param args optional thread count and requests per thread
     * @throws Exception if a thread fails
     */
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int perThread = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Predictor constant = new Predictor() {
            @Override
            public Schema inputSchema() {
                return INPUT;
            }

            @Override
            public Outputs outputs() {
                return Outputs.regression();
            }

            @Override
            public Table predict(Table features) {
                return Outputs.regression().values(new double[features.rowCount()]);
            }
        };
        ShadowStrategy strategy = new ShadowStrategy(new ShadowStrategy.Settings("live", "candidate", SHARE, 42));
        try (Endpoint endpoint = Endpoint.builder(strategy).variant("live", constant).variant("candidate", constant)
                .noTimeout().shadowQueue(65_536).build()) {
            PredictRequest request = PredictRequest.row(Map.of("x", 1.0));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> answered = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String prefix = "t" + t + "-u";
                answered.add(pool.submit(() -> {
                    start.await();
                    long count = 0;
                    for (int i = 0; i < perThread; i++) {
                        if (endpoint.predict(request.withUnitId(prefix + i)).variant().equals("live")) {
                            count++;
                        }
                    }
                    return count;
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            long total = 0;
            for (Future<Long> count : answered) {
                total += count.get();
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
            endpoint.awaitShadows(java.time.Duration.ofMinutes(1));
            long requests = (long) threads * perThread;
            VariantStats live = endpoint.stats().get("live");
            ShadowReport report = endpoint.shadowReports().get(0);
            long copies = report.enqueued() + report.dropped();
            double sigma = Math.sqrt(requests * SHARE * (1 - SHARE));
            double z = (copies - requests * SHARE) / sigma;
            System.out.printf(Locale.ROOT, "%d threads x %d requests in %.2f s: %.0f requests/s%n", threads, perThread,
                    seconds, requests / seconds);
            System.out.printf(Locale.ROOT, "answered %d of %d, counted %d requests and %d errors; p50 %s, p99 %s%n",
                    total, requests, live.requests(), live.errors(), live.p50Latency(), live.p99Latency());
            System.out.printf(Locale.ROOT, "copied %d (enqueued %d, dropped %d, compared %d): share %.5f for %.2f,"
                    + " z = %.2f%n", copies, report.enqueued(), report.dropped(), report.compared(),
                    (double) copies / requests, SHARE, z);
            boolean ok = total == requests && live.requests() == requests && live.errors() == 0
                    && Math.abs(z) <= 6;
            System.out.println(ok ? "OK" : "FAILED");
            if (!ok) {
                System.exit(1);
            }
        }
    }
}
