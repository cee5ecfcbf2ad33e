package dev.mlops.features;

import static dev.mlops.features.StoreFixture.T0;
import static dev.mlops.features.StoreFixture.WRITER;
import static dev.mlops.features.StoreFixture.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.mlops.core.access.AccessDeniedException;
import dev.mlops.core.access.AuditEntry;
import dev.mlops.core.access.Outcome;
import dev.mlops.core.access.Policy;
import dev.mlops.core.access.Principal;
import dev.mlops.core.access.Subject;
import dev.mlops.core.table.Table;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public method of the store is in {@link #PATHS}, classified as a read of feature values, a
 * read of the catalog or audit log, the listing, a write, or a method without a principal that
 * reads nothing; every method taking a principal is then tried with a principal the policy denies,
 * and every read of feature values with one who may read but not read sensitive features,
 * selecting all the features of a group with a sensitive one. A new public method without a row
 * fails here: give it its access check (through {@code FeatureAccess}) and its row.
 */
class ReadPathAccessTest {
    /** What a method taking a principal does, and so what a denied principal must meet. */
    enum Kind {
        /** Reads feature values: refused naming the principal and the feature, audited as denied. */
        FEATURE_READ,
        /** Reads the catalog or the audit log: refused naming the principal and the resource, audited. */
        CATALOG_READ,
        /** Lists the catalog: leaves out what the principal may not read. */
        LISTING,
        /** Changes the store: refused without the writer role, audited. */
        WRITE,
        /** Takes no principal: returns no feature value, catalog entry or audit entry. */
        NONE
    }

    /** The explicit table: method signature to what it is. */
    private static final Map<String, Kind> PATHS = Map.ofEntries(
            Map.entry("online(Principal,FeatureSelection,Collection)", Kind.FEATURE_READ),
            Map.entry("asOf(Principal,FeatureSelection,Instant)", Kind.FEATURE_READ),
            Map.entry("asOf(Principal,FeatureSelection,Instant,Instant)", Kind.FEATURE_READ),
            Map.entry("join(Principal,JoinRequest)", Kind.FEATURE_READ),
            Map.entry("export(Principal,FeatureSelection,Instant,Instant)", Kind.FEATURE_READ),
            Map.entry("group(Principal,String)", Kind.CATALOG_READ),
            Map.entry("versions(Principal,String)", Kind.CATALOG_READ),
            Map.entry("audit(Principal)", Kind.CATALOG_READ),
            Map.entry("groups(Principal)", Kind.LISTING),
            Map.entry("define(Principal,FeatureGroup)", Kind.WRITE),
            Map.entry("ingest(Principal,String,Table)", Kind.WRITE),
            Map.entry("ingest(Principal,String,Path)", Kind.WRITE),
            Map.entry("ingest(Principal,String,List)", Kind.WRITE),
            Map.entry("applyRetention(Principal)", Kind.WRITE),
            Map.entry("clock()", Kind.NONE),
            Map.entry("policy()", Kind.NONE),
            Map.entry("refresh()", Kind.NONE),
            Map.entry("close()", Kind.NONE),
            Map.entry("toString()", Kind.NONE));
    /** Methods of {@code Object} a store does not override, left out of the table. */
    private static final List<String> OBJECT_METHODS = List.of("equals(Object)", "hashCode()", "getClass()",
            "notify()", "notifyAll()", "wait()", "wait(long)", "wait(long,int)");

    private static final Principal MALLORY = Principal.of("mallory");
    private static final Principal AUDITOR = Principal.of("auditor");
    /** May read every feature but holds no rule allowing sensitive ones. */
    private static final Principal CAROL = Principal.of("carol");
    private static final Policy POLICY = Policy.builder()
            .allow(Subject.ANYONE, FeatureStore.READ.name(), "feature/**")
            .allow(Subject.principal("auditor"), FeatureStore.READ.name(), FeatureStore.AUDIT_RESOURCE)
            .deny(Subject.principal("mallory"), FeatureStore.READ.name(), "feature/customer")
            .deny(Subject.principal("mallory"), FeatureStore.READ.name(), "feature/customer/**")
            .allow(Subject.role(FeatureStore.WRITER_ROLE), FeatureStore.WRITE.name(), "feature/*")
            .allow(Subject.role(FeatureStore.WRITER_ROLE), FeatureStore.DEFINE.name(), "feature/*")
            .build();

    @TempDir
    Path directory;

    @Test
    void everyPublicMethodIsClassified() {
        List<String> missing = new ArrayList<>();
        for (Class<?> type : List.of(FeatureStore.class, SqlFeatureStore.class)) {
            for (Method method : publicMethods(type)) {
                if (!PATHS.containsKey(signature(method))) {
                    missing.add(type.getSimpleName() + "." + signature(method));
                }
            }
        }
        if (!missing.isEmpty()) {
            fail("these public methods are not in ReadPathAccessTest.PATHS: " + missing
                    + ". Give each its access check (through FeatureAccess) and add its row");
        }
        assertThat(publicMethods(SqlFeatureStore.class)).extracting(ReadPathAccessTest::signature)
                .containsExactlyInAnyOrderElementsOf(PATHS.keySet());
        for (Method method : publicMethods(SqlFeatureStore.class)) {
            boolean takesAPrincipal = Arrays.asList(method.getParameterTypes()).contains(Principal.class);
            assertThat(PATHS.get(signature(method)) == Kind.NONE).as("%s: NONE exactly when it takes no principal",
                    signature(method)).isNotEqualTo(takesAPrincipal);
        }
    }

    @Test
    void everyReadPathRefusesAReaderWithoutReadSensitiveNamingTheSensitiveFeatureAndAuditsIt() throws Exception {
        StoreClock clock = new StoreClock(T0.plus(Duration.ofDays(30)));
        try (FeatureStore store = StoreFixture.store(clock, POLICY)) {
            store.define(WRITER, StoreFixture.customer().build());
            store.ingest(WRITER, "customer", List.of(record("c1", 1, 40.0, "gold", 1000.0)));
            List<String> tried = new ArrayList<>();
            for (Method method : principalMethods(SqlFeatureStore.class)) {
                if (PATHS.get(signature(method)) != Kind.FEATURE_READ) {
                    continue;
                }
                tried.add(signature(method));
                Throwable thrown = call(store, method, CAROL, FeatureSelection.all("customer"));
                assertThat(thrown).as(signature(method)).isInstanceOf(AccessDeniedException.class)
                        .hasMessageContaining("carol")
                        .hasMessageContaining("features.read-sensitive feature/customer/income");
                List<AuditEntry> entries = store.audit(AUDITOR);
                AuditEntry last = entries.get(entries.size() - 2);
                assertThat(last.outcome()).as(signature(method)).isEqualTo(Outcome.DENIED);
                assertThat(last.principal()).isEqualTo("carol");
                assertThat(last.action()).isEqualTo(FeatureStore.READ_SENSITIVE);
                assertThat(last.resource()).isEqualTo("feature/customer/income");
            }
            assertThat(tried).hasSize(5);
            assertThat(store.asOf(CAROL, FeatureSelection.of("customer", "age", "segment"), T0.plus(Duration.ofDays(2)))
                    .rowCount()).as("the features that are not sensitive stay readable").isEqualTo(1);
        }
    }

    @Test
    void everyReadPathRefusesADeniedPrincipalNamingTheFeatureAndAuditsIt() throws Exception {
        StoreClock clock = new StoreClock(T0.plus(Duration.ofDays(30)));
        try (FeatureStore store = StoreFixture.store(clock, POLICY)) {
            store.define(WRITER, StoreFixture.customer().retention(Duration.ofDays(365)).build());
            store.ingest(WRITER, "customer", List.of(record("c1", 1, 40.0, "gold", null)));
            Map<String, Kind> tried = new TreeMap<>();
            for (Method method : principalMethods(SqlFeatureStore.class)) {
                Kind path = PATHS.get(signature(method));
                tried.put(signature(method), path);
                Throwable thrown = call(store, method, MALLORY, FeatureSelection.of("customer", "age"));
                List<AuditEntry> entries = store.audit(AUDITOR);
                AuditEntry last = entries.get(entries.size() - 2);
                switch (path) {
                    case FEATURE_READ -> {
                        assertThat(thrown).as(signature(method)).isInstanceOf(AccessDeniedException.class)
                                .hasMessageContaining("mallory").hasMessageContaining("feature/customer/age");
                        assertThat(last.outcome()).as(signature(method)).isEqualTo(Outcome.DENIED);
                        assertThat(last.principal()).isEqualTo("mallory");
                        assertThat(last.resource()).isEqualTo("feature/customer/age");
                    }
                    case CATALOG_READ, WRITE -> {
                        assertThat(thrown).as(signature(method)).isInstanceOf(AccessDeniedException.class)
                                .hasMessageContaining("mallory");
                        assertThat(last.outcome()).as(signature(method)).isEqualTo(Outcome.DENIED);
                        assertThat(last.principal()).isEqualTo("mallory");
                    }
                    case LISTING -> assertThat(thrown).as(signature(method)).isNull();
                    case NONE -> fail(signature(method) + " takes a principal but is classified NONE");
                }
            }
            assertThat(tried.keySet()).containsExactlyInAnyOrderElementsOf(PATHS.entrySet().stream()
                    .filter(path -> path.getValue() != Kind.NONE).map(Map.Entry::getKey).toList());
            assertThat(store.groups(MALLORY)).as("the listing leaves the denied group out").isEmpty();
            assertThat(store.groups(AUDITOR)).extracting(FeatureGroup::name).containsExactly("customer");
        }
    }

    private Throwable call(FeatureStore store, Method method, Principal principal, FeatureSelection selection)
            throws IOException {
        Object[] arguments = new Object[method.getParameterCount()];
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            arguments[i] = argument(types[i], principal, selection);
        }
        try {
            method.invoke(store, arguments);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    /** A value of each parameter type a method taking a principal has; a new type fails here, naming it. */
    private Object argument(Class<?> type, Principal principal, FeatureSelection selection) throws IOException {
        Table rows = Table.builder().categorical("customer_id", "c1").timestamp("observed_at", T0).build();
        if (type == Principal.class) {
            return principal;
        } else if (type == FeatureSelection.class) {
            return selection;
        } else if (type == String.class) {
            return "customer";
        } else if (type == Instant.class) {
            return T0.plus(Duration.ofDays(5));
        } else if (type == Collection.class) {
            return List.of("c1");
        } else if (type == JoinRequest.class) {
            return JoinRequest.builder(rows, "observed_at").features(selection).build();
        } else if (type == Table.class) {
            return rows;
        } else if (type == Path.class) {
            return Files.writeString(directory.resolve("c.csv"), "customer_id,observed_at\nc1,2026-11-01T00:00:00Z\n",
                    StandardCharsets.UTF_8);
        } else if (type == List.class) {
            return List.of(record("c1", 2, 41.0, null, null));
        } else if (type == FeatureGroup.class) {
            return StoreFixture.customer().build();
        }
        throw new AssertionError("ReadPathAccessTest has no argument of type " + type.getName() + ": add one");
    }

    /** @return the public instance methods, but those of {@code Object} the store does not override */
    private static List<Method> publicMethods(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(method -> !method.isBridge() && !java.lang.reflect.Modifier.isStatic(method.getModifiers()))
                .filter(method -> !OBJECT_METHODS.contains(signature(method)))
                .sorted((a, b) -> signature(a).compareTo(signature(b)))
                .collect(Collectors.toList());
    }

    private static List<Method> principalMethods(Class<?> type) {
        return publicMethods(type).stream()
                .filter(method -> Arrays.asList(method.getParameterTypes()).contains(Principal.class))
                .collect(Collectors.toList());
    }

    private static String signature(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(",", "(", ")"));
    }
}
