package dev.mlops.data.check;

import dev.mlops.core.table.Table;

/** Tables the check tests share. */
final class CheckFixtures {
    static final CheckContext CONTEXT = CheckContext.defaults();

    /** Six people with a NaN age, a missing city, a missing email and non-ASCII cities. */
    static final Table PEOPLE = Table.builder()
            .numeric("age", 34, 17, Double.NaN, 51, -2, 40)
            .categorical("city", "München", "São Paulo", null, "Hamburg", "München", "Paris")
            .text("email", "a@x.de", "b@x.br", "c@x", null, "e@x.de", "f@x.fr")
            .build();

    private CheckFixtures() {
    }
}
