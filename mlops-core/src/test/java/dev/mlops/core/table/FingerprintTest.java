package dev.mlops.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    /** The table that src/test/resources/fingerprint_oracle.py encodes. */
    private static Table golden() {
        return Table.builder()
                .add(NumericColumn.builder("age").add(34.5).add(Double.NaN).addMissing().add(-0.0).build())
                .categorical("city", "München", "São Paulo", null, "München")
                .bool("member", true, false, null, true)
                .timestamp("seen", Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("1969-12-31T23:59:59.5Z"), null,
                        Instant.parse("2024-03-01T12:00:00.000000001Z"))
                .text("note", "a,b", "", null, "東京")
                .build();
    }

    @Nested
    class Value {

        @Test
        void matchesTheIndependentPythonOracle() {
            assertThat(Fingerprint.of(golden()).sha256())
                    .isEqualTo("7dbb10f1966505a803f6687bb6ccd87095953949a2adebb88238e7dafb8cfb60");
        }

        @Test
        void isStableAcrossCallsAndPrintsAsItsDigest() {
            Fingerprint fingerprint = Fingerprint.of(golden());

            assertThat(Fingerprint.of(golden())).isEqualTo(fingerprint);
            assertThat(fingerprint).hasToString(fingerprint.sha256());
        }

        @Test
        void anEmptyTableHasAFingerprintToo() {
            assertThat(Fingerprint.of(Table.of()).sha256()).hasSize(64);
            assertThat(Fingerprint.of(Table.empty(golden().schema()))).isNotEqualTo(Fingerprint.of(Table.of()));
        }

        @Test
        void refusesADigestThatIsNotLowercaseHex() {
            assertThatThrownBy(() -> new Fingerprint("ABC"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sha256").hasMessageContaining("'ABC'");
            assertThatThrownBy(() -> new Fingerprint("G".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class EqualTablesHaveEqualFingerprints {

        @Test
        void aViewEqualsTheTableItSelects() {
            Table table = golden();
            Table reversed = table.rows(3, 2, 1, 0);
            Table view = reversed.rows(3, 2, 1, 0);

            assertThat(view).isEqualTo(table);
            assertThat(Fingerprint.of(view)).isEqualTo(Fingerprint.of(table));
        }

        @Test
        void theCategoricalDictionaryOrderDoesNotMatter() {
            CategoricalColumn firstAb = CategoricalColumn.builder("c").add("b").add("a").add("b").build().select(new int[] {1, 0});
            CategoricalColumn firstBa = CategoricalColumn.of("c", "a", "b");

            assertThat(firstAb.levels()).containsExactly("b", "a");
            assertThat(firstBa.levels()).containsExactly("a", "b");
            assertThat(Fingerprint.of(Table.of(firstAb))).isEqualTo(Fingerprint.of(Table.of(firstBa)));
        }

        @Test
        void everyNanIsTheSameNan() {
            double otherNan = Double.longBitsToDouble(0x7ff0_0000_0000_0001L);

            assertThat(Fingerprint.of(Table.builder().numeric("x", otherNan).build()))
                    .isEqualTo(Fingerprint.of(Table.builder().numeric("x", Double.NaN).build()));
        }

        @Test
        void aLargeTableCrossingTheBufferStillMatchesItsView() {
            int rows = 50_000;
            NumericColumn.Builder numbers = NumericColumn.builder("x");
            TextColumn.Builder texts = TextColumn.builder("t");
            for (int i = 0; i < rows; i++) {
                numbers.add(i * 0.5);
                texts.add("row " + i + " " + "ü".repeat(i % 7));
            }
            texts.add("x".repeat(100_000));
            numbers.add(1);
            Table table = Table.of(numbers.build(), texts.build());
            int[] all = new int[table.rowCount()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }

            assertThat(Fingerprint.of(table.rows(all))).isEqualTo(Fingerprint.of(table));
        }

        /** The numeric fast path writes the very bytes of the documented encoding, missing values included. */
        @Test
        void numericCellsAcrossManyBuffersMatchAPlainEncodingOfTheSpecification() throws Exception {
            java.util.SplittableRandom random = new java.util.SplittableRandom(9);
            int rows = 100_003;
            NumericColumn.Builder dense = NumericColumn.builder("dense");
            NumericColumn.Builder holes = NumericColumn.builder("holes");
            java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
            java.io.DataOutputStream out = new java.io.DataOutputStream(expected);
            byte[] version = "mlops-table-fingerprint/1".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(version.length);
            out.write(version);
            out.writeInt(2);
            out.writeInt(rows);
            for (String[] field : new String[][] {{"dense", "NUMERIC"}, {"holes", "NUMERIC"}}) {
                for (String text : field) {
                    out.writeInt(text.length());
                    out.writeBytes(text);
                }
            }
            double[] denseValues = new double[rows];
            for (int i = 0; i < rows; i++) {
                denseValues[i] = random.nextInt(50) == 0 ? Double.NaN : random.nextGaussian();
                dense.add(denseValues[i]);
            }
            for (double v : denseValues) {
                out.writeByte(1);
                out.writeLong(Double.doubleToLongBits(v));
            }
            for (int i = 0; i < rows; i++) {
                if (random.nextInt(7) == 0) {
                    holes.addMissing();
                    out.writeByte(0);
                } else {
                    double v = random.nextDouble() - 0.5;
                    holes.add(v);
                    out.writeByte(1);
                    out.writeLong(Double.doubleToLongBits(v));
                }
            }
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(expected.toByteArray());
            StringBuilder hex = new StringBuilder();
            for (byte b : hash) {
                hex.append(String.format(java.util.Locale.ROOT, "%02x", b));
            }
            assertThat(Fingerprint.of(Table.of(dense.build(), holes.build())).sha256()).isEqualTo(hex.toString());
        }
    }

    @Nested
    class Sensitivity {

        @Test
        void oneChangedCellChangesIt() {
            Table changed = Table.builder()
                    .add(NumericColumn.builder("age").add(34.5).add(Double.NaN).addMissing().add(-0.0).build())
                    .categorical("city", "München", "São Paulo", null, "München")
                    .bool("member", true, false, null, true)
                    .timestamp("seen", Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("1969-12-31T23:59:59.5Z"), null,
                            Instant.parse("2024-03-01T12:00:00.000000002Z"))
                    .text("note", "a,b", "", null, "東京")
                    .build();

            assertThat(Fingerprint.of(changed)).isNotEqualTo(Fingerprint.of(golden()));
        }

        @Test
        void negativeZeroDiffersFromZeroAsInEquals() {
            assertThat(Fingerprint.of(Table.builder().numeric("x", -0.0).build()))
                    .isNotEqualTo(Fingerprint.of(Table.builder().numeric("x", 0.0).build()));
        }

        @Test
        void missingDiffersFromEmptyText() {
            assertThat(Fingerprint.of(Table.builder().text("t", (String) null).build()))
                    .isNotEqualTo(Fingerprint.of(Table.builder().text("t", "").build()));
        }

        @Test
        void aRenamedColumnChangesIt() {
            Table table = golden();
            Table renamed = Table.of(table.column(0).rename("years"), table.column(1), table.column(2), table.column(3),
                    table.column(4));

            assertThat(Fingerprint.of(renamed)).isNotEqualTo(Fingerprint.of(table));
        }

        @Test
        void aChangedTypeChangesIt() {
            Table text = Table.builder().text("c", "a", "b").build();
            Table categorical = Table.builder().categorical("c", "a", "b").build();

            assertThat(Fingerprint.of(text)).isNotEqualTo(Fingerprint.of(categorical));
        }

        @Test
        void rowOrderChangesIt() {
            Table table = golden();

            assertThat(Fingerprint.of(table.rows(1, 0, 2, 3))).isNotEqualTo(Fingerprint.of(table));
        }

        @Test
        void valuesDoNotRunIntoEachOther() {
            Table ab = Table.builder().text("t", "ab", "c").build();
            Table abc = Table.builder().text("t", "a", "bc").build();

            assertThat(Fingerprint.of(ab)).isNotEqualTo(Fingerprint.of(abc));
        }
    }

    @Nested
    class FedInPieces {

        /** A table of every type, large enough to cross the encoder's buffer, with missing values. */
        private Table wide(SplittableRandom random, int rows) {
            NumericColumn.Builder numbers = NumericColumn.builder("x");
            CategoricalColumn.Builder cities = CategoricalColumn.builder("city");
            BooleanColumn.Builder flags = BooleanColumn.builder("flag");
            TimestampColumn.Builder times = TimestampColumn.builder("at");
            TextColumn.Builder notes = TextColumn.builder("note");
            for (int row = 0; row < rows; row++) {
                boolean missing = random.nextInt(10) == 0;
                if (missing) {
                    numbers.addMissing();
                    cities.addMissing();
                    flags.addMissing();
                    times.addMissing();
                    notes.addMissing();
                } else {
                    numbers.add(random.nextInt(5) == 0 ? Double.NaN : random.nextGaussian());
                    cities.add(random.nextBoolean() ? "München" : "São Paulo " + random.nextInt(30));
                    flags.add(random.nextBoolean());
                    times.add(Instant.ofEpochSecond(random.nextLong(1L << 32), random.nextInt(1_000_000_000)));
                    notes.add("n".repeat(random.nextInt(3)) + row);
                }
            }
            return Table.of(numbers.build(), cities.build(), flags.build(), times.build(), notes.build());
        }

        /** Cuts at random rows: 0 to 4 cuts, some of them empty pieces. */
        private int[] cuts(SplittableRandom random, int rows) {
            int[] cuts = new int[random.nextInt(5) + 2];
            cuts[cuts.length - 1] = rows;
            for (int i = 1; i < cuts.length - 1; i++) {
                cuts[i] = random.nextInt(rows + 1);
            }
            java.util.Arrays.sort(cuts);
            return cuts;
        }

        static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> sweep() {
            SplittableRandom master = new SplittableRandom(20_261_207L);
            return java.util.stream.IntStream.range(0, 24).mapToObj(i -> org.junit.jupiter.params.provider.Arguments.of(
                    master.nextLong(), i < 3 ? i : master.nextInt(0, 9000)));
        }

        @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}, {1} rows")
        @org.junit.jupiter.params.provider.MethodSource("sweep")
        void columnsFedInPiecesGiveTheFingerprintOfTheWhole(long seed, int rows) {
            SplittableRandom random = new SplittableRandom(seed);
            Table table = wide(random, rows);
            Fingerprint.Builder builder = Fingerprint.builder(table.schema(), rows);
            for (Column column : table.columns()) {
                int[] cuts = cuts(random, rows);
                for (int i = 1; i < cuts.length; i++) {
                    builder.add(column.select(java.util.stream.IntStream.range(cuts[i - 1], cuts[i]).toArray()));
                }
            }

            assertThat(builder.build()).as("seed %s, %s rows", seed, rows).isEqualTo(Fingerprint.of(table));
        }

        @Test
        void theGoldenTableFedRowByRowMatchesTheOracle() {
            Table table = golden();
            Fingerprint.Builder builder = Fingerprint.builder(table.schema(), table.rowCount());
            for (Column column : table.columns()) {
                for (int row = 0; row < table.rowCount(); row++) {
                    builder.add(column.select(new int[] {row}));
                }
            }

            assertThat(builder.build().sha256())
                    .isEqualTo("7dbb10f1966505a803f6687bb6ccd87095953949a2adebb88238e7dafb8cfb60");
        }

        @Test
        void anEmptyTableNeedsNoPiecesButTakesEmptyOnes() {
            Table empty = Table.empty(golden().schema());

            assertThat(Fingerprint.builder(empty.schema(), 0).build()).isEqualTo(Fingerprint.of(empty));
            assertThat(Fingerprint.builder(empty.schema(), 0).add(empty.column("note")).build())
                    .isEqualTo(Fingerprint.of(empty));
        }

        @Test
        void aPieceOfTheWrongColumnOrTypeIsRefusedNamingBoth() {
            Table table = golden();
            Fingerprint.Builder builder = Fingerprint.builder(table.schema(), 4);

            assertThatThrownBy(() -> builder.add(table.column("city")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("expected cells of column 'age' (1, NUMERIC), which has 0 of its 4 rows, but got 'city'"
                            + " (CATEGORICAL)");
            assertThatThrownBy(() -> builder.add(CategoricalColumn.of("age", "1")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("but got 'age' (CATEGORICAL)");
            // the column in progress is not finished by a piece of the next one
            builder.add(table.column("age").select(new int[] {0, 1}));
            assertThatThrownBy(() -> builder.add(table.column("city")))
                    .hasMessageContaining("column 'age' (1, NUMERIC), which has 2 of its 4 rows");
        }

        @Test
        void tooManyCellsAreRefusedAndNothingOfThemIsFed() {
            Table table = golden();
            Fingerprint.Builder builder = Fingerprint.builder(table.schema(), 4);
            builder.add(table.column("age").select(new int[] {0, 1, 2}));

            assertThatThrownBy(() -> builder.add(table.column("age").select(new int[] {0, 1})))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("column 'age' (1) has 3 of its 4 rows; a piece of 2 more is too many");
            builder.add(table.column("age").select(new int[] {3}));
            table.columns().subList(1, 5).forEach(builder::add);
            assertThat(builder.build()).isEqualTo(Fingerprint.of(table));
        }

        @Test
        void aColumnAfterTheLastIsRefused() {
            Table table = Table.builder().numeric("x", 1, 2).build();
            Fingerprint.Builder builder = Fingerprint.builder(table.schema(), 2).add(table.column("x"));

            assertThatThrownBy(() -> builder.add(NumericColumn.of("y", 3)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("column 'y' comes after every column of the schema [x] has its 2 rows");
            Fingerprint.Builder none = Fingerprint.builder(table.schema(), 0);
            assertThatThrownBy(() -> none.add(NumericColumn.of("y")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("column 'y' comes after every column of the schema [x] has its 0 rows");
        }

        @Test
        void buildingBeforeEveryCellCameNamesTheColumnThatLacksThem() {
            Table table = golden();
            Fingerprint.Builder partly = Fingerprint.builder(table.schema(), 4).add(table.column("age"))
                    .add(table.column("city").select(new int[] {0}));

            assertThatThrownBy(partly::build).isInstanceOf(IllegalStateException.class)
                    .hasMessage("column 'city' (2 of 5) has 1 of its 4 rows and the columns after it none");
            assertThatThrownBy(() -> Fingerprint.builder(table.schema(), 4).build())
                    .hasMessage("column 'age' (1 of 5) has 0 of its 4 rows and the columns after it none");
            Fingerprint.Builder lastShort = Fingerprint.builder(table.schema(), 4);
            table.columns().subList(0, 4).forEach(lastShort::add);
            lastShort.add(table.column("note").select(new int[] {0, 1, 2}));
            assertThatThrownBy(lastShort::build).hasMessage("column 'note' (5 of 5) has 3 of its 4 rows");
        }

        @Test
        void aBuilderBuildsOnce() {
            Table table = Table.builder().numeric("x", 1).build();
            Fingerprint.Builder builder = Fingerprint.builder(table.schema(), 1).add(table.column("x"));
            builder.build();

            assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("was built");
            assertThatThrownBy(() -> builder.add(table.column("x"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> Fingerprint.builder(table.schema(), -1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("rowCount must not be negative but was -1");
        }
    }
}
