package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvFormatTest {
    private static final Path CREDIT = Path.of(System.getProperty("mlops.data.dir"), "credit-g.csv");
    private static final List<String> CREDIT_NUMERIC = List.of("duration", "credit_amount", "installment_commitment",
            "residence_since", "age", "existing_credits", "num_dependents");

    private static Table read(String csv) {
        return read(CsvFormat.defaults(), csv);
    }

    private static Table read(CsvFormat format, String csv) {
        return format.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv");
    }

    private static String write(CsvFormat format, Table table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(table, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static CsvFormat withSchema(Field... fields) {
        return CsvFormat.builder().schema(Schema.of(fields)).build();
    }

    @Nested
    class CreditG {
        @Test
        void infersSevenNumericAndFourteenCategoricalColumns() {
            Table credit = CsvFormat.defaults().read(CREDIT);

            assertThat(credit.rowCount()).isEqualTo(1000);
            assertThat(credit.columnCount()).isEqualTo(21);
            assertThat(credit.schema().fields()).filteredOn(f -> f.type() == ColumnType.NUMERIC)
                    .extracting(Field::name).containsExactlyElementsOf(CREDIT_NUMERIC);
            assertThat(credit.schema().fields()).filteredOn(f -> f.type() == ColumnType.CATEGORICAL).hasSize(14)
                    .extracting(Field::name).contains("class", "foreign_worker", "checking_status");
            assertThat(credit.columns()).allSatisfy(column -> assertThat(column.missingCount()).isZero());
        }

        @Test
        void readsTheValuesOfTheFirstRowAndTheClassCounts() {
            Table credit = CsvFormat.defaults().read(CREDIT);

            assertThat(credit.categoricalColumn("checking_status").get(0)).isEqualTo("<0");
            assertThat(credit.numericColumn("duration").get(0)).isEqualTo(6.0);
            assertThat(credit.numericColumn("credit_amount").get(0)).isEqualTo(1169.0);
            assertThat(credit.numericColumn("age").get(0)).isEqualTo(67.0);
            assertThat(credit.categoricalColumn("credit_history").get(0)).isEqualTo("critical/other existing credit");
            CategoricalColumn label = credit.categoricalColumn("class");
            int good = 0;
            for (int row = 0; row < label.size(); row++) {
                good += label.get(row).equals("good") ? 1 : 0;
            }
            assertThat(good).isEqualTo(700);
            assertThat(label.size() - good).isEqualTo(300);
        }

        @Test
        void writesTheFileBackByteForByteApartFromLineEnds(@TempDir Path dir) throws IOException {
            Path copy = dir.resolve("copy.csv");
            CsvFormat.defaults().write(CsvFormat.defaults().read(CREDIT), copy);

            String original = Files.readString(CREDIT, StandardCharsets.UTF_8).replace("\r\n", "\n");
            assertThat(Files.readString(copy, StandardCharsets.UTF_8)).isEqualTo(original);
        }

        @Test
        void roundTripsThroughAStreamWithTheSchemaItInferred() {
            Table credit = CsvFormat.defaults().read(CREDIT);
            CsvFormat typed = CsvFormat.builder().schema(credit.schema()).build();

            assertThat(read(typed, write(typed, credit))).isEqualTo(credit);
        }
    }

    @Nested
    class Errors {
        @Test
        void aRowWithTooFewValuesNamesItsPhysicalLine() {
            assertThatThrownBy(() -> read("a,b\n1,2\n\n3\n"))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.csv line 4: expected 2 values, as many as the header names, but found 1")
                    .satisfies(e -> assertThat(((DataFormatException) e).line()).isEqualTo(4));
        }

        @Test
        void aRowWithTooManyValuesIsAnError() {
            assertThatThrownBy(() -> read("a,b\n1,2,3\n"))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.csv line 2: expected 2 values, as many as the header names, but found 3");
        }

        @Test
        void lineNumbersCountTheLinesInsideQuotedValues() {
            assertThatThrownBy(() -> read("a,b\n\"multi\nline\",2\n3\n"))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageStartingWith("test.csv line 4:");
        }

        @Test
        void aBadNumberUnderAGivenSchemaNamesLineAndColumn() {
            CsvFormat format = withSchema(Field.of("id", ColumnType.CATEGORICAL), Field.of("age", ColumnType.NUMERIC));

            assertThatThrownBy(() -> read(format, "id,age\nx,31\ny,3l\n"))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.csv line 3, column 'age' (2): expected a number but found \"3l\"")
                    .satisfies(e -> {
                        DataFormatException error = (DataFormatException) e;
                        assertThat(error.source()).isEqualTo("test.csv");
                        assertThat(error.line()).isEqualTo(3);
                        assertThat(error.column()).contains("age");
                        assertThat(error.columnIndex()).hasValue(2);
                    });
        }

        @Test
        void aBadBooleanAndABadTimestampNameWhatWasExpected() {
            assertThatThrownBy(() -> read(withSchema(Field.of("ok", ColumnType.BOOLEAN)), "ok\ntrue\nyes\n"))
                    .hasMessage("test.csv line 3, column 'ok' (1): expected true or false but found \"yes\"");
            assertThatThrownBy(() -> read(withSchema(Field.of("at", ColumnType.TIMESTAMP)), "at\n2024-01-31T12:00:00\n"))
                    .hasMessageContaining("line 2, column 'at' (1)")
                    .hasMessageContaining("this local time needs a zone");
        }

        @Test
        void anUnclosedQuoteInTheHeaderNamesTheValue() {
            assertThatThrownBy(() -> read("a,\"b\n1,2\n"))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.csv line 1: value 2: the quote that opens this value is never closed");
        }

        @Test
        void anUnclosedQuoteIsReportedWhereItOpensNotAtTheEnd() {
            StringBuilder csv = new StringBuilder("a,b\n1,2\n3,\"open\n");
            for (int i = 4; i <= 1000; i++) {
                csv.append(i).append(",x\n");
            }

            assertThatThrownBy(() -> read(csv.toString()))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.csv line 3, column 'b' (2): the quote that opens this value is never closed")
                    .satisfies(e -> {
                        DataFormatException error = (DataFormatException) e;
                        assertThat(error.line()).isEqualTo(3);
                        assertThat(error.column()).contains("b");
                        assertThat(error.columnIndex()).hasValue(2);
                    });
        }

        @Test
        void anUnclosedQuoteInARowsFirstValueAfterAClosedMultiLineValue() {
            assertThatThrownBy(() -> read("a,b\n\"two\nlines\",1\n2,3\n\"open,4\n5,6\n"))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.csv line 5, column 'a' (1): the quote that opens this value is never closed");
        }

        @Test
        void aClosedMultiLineValueKeepsTheLinesAfterItCounted() {
            assertThatThrownBy(() -> read("a,b\n\"one\ntwo\nthree\",1\n2,3\n4\n"))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.csv line 6: expected 2 values, as many as the header names, but found 1");
        }

        @Test
        void anEmptyInputHasNoHeader() {
            assertThatThrownBy(() -> read(""))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.csv line 1: the input is empty; expected a header line");
        }

        @Test
        void aRepeatedOrEmptyHeaderNameIsAnError() {
            assertThatThrownBy(() -> read("a,b,a\n1,2,3\n"))
                    .hasMessage("test.csv line 1: the header names column 'a' twice, at 1 and 3");
            assertThatThrownBy(() -> read("a,,c\n1,2,3\n"))
                    .hasMessage("test.csv line 1: the header's column 2 has no name");
        }

        @Test
        void theHeaderMustNameExactlyTheSchemasColumns() {
            CsvFormat format = withSchema(Field.of("a", ColumnType.NUMERIC), Field.of("b", ColumnType.NUMERIC));

            assertThatThrownBy(() -> read(format, "a\n1\n"))
                    .hasMessage("test.csv line 1: the header lacks the schema's column(s) b");
            assertThatThrownBy(() -> read(format, "a,b,c\n1,2,3\n"))
                    .hasMessageStartingWith("test.csv line 1, column 'c' (3): the header names a column that the schema does not have");
        }
    }

    @Nested
    class Inference {
        @Test
        void aColumnWhoseCellsDisagreeIsCategoricalWithTheOriginalTexts() {
            Table table = read("x,y\n1,2.50\n2,3\nabc,4\n");

            assertThat(table.schema()).isEqualTo(Schema.of(Field.of("x", ColumnType.CATEGORICAL), Field.of("y", ColumnType.NUMERIC)));
            assertThat(table.categoricalColumn("x").levels()).containsExactly("1", "2", "abc");
            assertThat(table.numericColumn("y").toArray()).containsExactly(2.5, 3.0, 4.0);
        }

        @Test
        void integersBeyondTwoToThe53AreCategoricalIds() {
            Table table = read("id,small\n9007199254740993,9007199254740992\n1,1\n");

            assertThat(table.column("id").type()).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(table.categoricalColumn("id").get(0)).isEqualTo("9007199254740993");
            assertThat(table.column("small").type()).isEqualTo(ColumnType.NUMERIC);
        }

        @Test
        void booleansAreTrueAndFalseInAnyCaseButNotYesAndNo() {
            Table table = read("flag,answer\nTrue,yes\nFALSE,no\n");

            assertThat(table.column("flag").type()).isEqualTo(ColumnType.BOOLEAN);
            assertThat(table.booleanColumn("flag").get(0)).isTrue();
            assertThat(table.booleanColumn("flag").get(1)).isFalse();
            assertThat(table.column("answer").type()).isEqualTo(ColumnType.CATEGORICAL);
        }

        @Test
        void zonedInstantsAreTimestampsAndLocalTimesNeedAZone() {
            String csv = "zoned,local\n2024-01-31T12:00:00Z,2024-01-31T12:00:00\n2024-02-01T08:30:00+01:00,2024-02-01 08:30\n";

            Table plain = read(csv);
            assertThat(plain.column("zoned").type()).isEqualTo(ColumnType.TIMESTAMP);
            assertThat(plain.timestampColumn("zoned").get(1)).isEqualTo(Instant.parse("2024-02-01T07:30:00Z"));
            assertThat(plain.column("local").type()).isEqualTo(ColumnType.CATEGORICAL);

            Table zoned = read(CsvFormat.builder().zone(ZoneId.of("Europe/Berlin")).build(), csv);
            assertThat(zoned.timestampColumn("local").get(0)).isEqualTo(Instant.parse("2024-01-31T11:00:00Z"));
            assertThat(zoned.timestampColumn("local").get(1)).isEqualTo(Instant.parse("2024-02-01T07:30:00Z"));
        }

        @Test
        void missingTokensAreMissingAndNanIsANumber() {
            Table table = read("x,y\n1,NA\n,?\nNaN,b\n-inf,\n");

            NumericColumn x = table.numericColumn("x");
            assertThat(x.isMissing(1)).isTrue();
            assertThat(x.isMissing(2)).isFalse();
            assertThat(x.get(2)).isNaN();
            assertThat(x.get(3)).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(x.missingCount()).isEqualTo(1);
            assertThat(table.column("y").missingCount()).isEqualTo(3);
        }

        @Test
        void missingTokensAreConfigurable() {
            Table table = read(CsvFormat.builder().missingTokens("-", "null").build(), "x,y\n-,NA\n2,null\n");

            assertThat(table.numericColumn("x").isMissing(0)).isTrue();
            assertThat(table.categoricalColumn("y").get(0)).isEqualTo("NA");
            assertThat(table.categoricalColumn("y").isMissing(1)).isTrue();
        }

        @Test
        void leadingMissingValuesDoNotDecideTheType() {
            Table table = read("x,y\nNA,a\n,b\n3.5,c\n");

            assertThat(table.column("x").type()).isEqualTo(ColumnType.NUMERIC);
            assertThat(table.numericColumn("x").isMissing(0)).isTrue();
            assertThat(table.numericColumn("x").isMissing(1)).isTrue();
            assertThat(table.numericColumn("x").get(2)).isEqualTo(3.5);
        }

        @Test
        void inAOneColumnInputABlankLineIsAMissingValueElsewhereItIsSkipped() {
            Table one = read("x\n1\n\n2\n");
            assertThat(one.rowCount()).isEqualTo(3);
            assertThat(one.numericColumn("x").isMissing(1)).isTrue();

            assertThat(read("x,y\n1,2\n\n3,4\n").rowCount()).isEqualTo(2);
        }

        @Test
        void instantsOfAnyYearAreTimestamps() {
            Table table = read("at\n+10000-01-01T00:00:00Z\n-0001-12-31T23:59:59.999999999Z\n2024-01-31T12:00Z\n");

            assertThat(table.column("at").type()).isEqualTo(ColumnType.TIMESTAMP);
            assertThat(table.timestampColumn("at").get(0)).isEqualTo(Instant.parse("+10000-01-01T00:00:00Z"));
            assertThat(table.timestampColumn("at").get(1)).isEqualTo(Instant.parse("-0001-12-31T23:59:59.999999999Z"));
            assertThat(table.timestampColumn("at").get(2)).isEqualTo(Instant.parse("2024-01-31T12:00:00Z"));
        }

        @Test
        void aColumnWithNoValueIsCategoricalAndAHeaderAloneGivesNoRows() {
            assertThat(read("x,y\n1,NA\n2,\n").column("y").type()).isEqualTo(ColumnType.CATEGORICAL);
            Table empty = read("a,b\n");
            assertThat(empty.rowCount()).isZero();
            assertThat(empty.schema().names()).containsExactly("a", "b");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"0x1p3", "1d", "1f", "' 1'", "1e", "+", "1,5", "Infinityy", "--1"})
        void textThatJavaWouldParseLooselyStaysCategorical(String text) {
            Table table = read(CsvFormat.builder().delimiter('|').build(), "x\n" + text + "\n");

            assertThat(table.column("x").type()).isEqualTo(ColumnType.CATEGORICAL);
        }
    }

    @Nested
    class Options {
        @Test
        void aSemicolonFileWithQuotedValuesAndNonAsciiText() {
            Table table = read(CsvFormat.builder().delimiter(';').build(),
                    "city;note;amount\nMünchen;\"a;b\";1.5\nSão Paulo;\"say \"\"hi\"\"\";-2\n");

            assertThat(table.categoricalColumn("city").levels()).containsExactly("München", "São Paulo");
            assertThat(table.categoricalColumn("note").get(0)).isEqualTo("a;b");
            assertThat(table.categoricalColumn("note").get(1)).isEqualTo("say \"hi\"");
            assertThat(table.numericColumn("amount").toArray()).containsExactly(1.5, -2.0);
        }

        @Test
        void withoutAHeaderColumnsAreNumberedOrTakeTheSchemasNames() {
            CsvFormat noHeader = CsvFormat.builder().header(false).build();
            assertThat(read(noHeader, "1,a\n2,b\n").schema().names()).containsExactly("column_1", "column_2");

            CsvFormat named = CsvFormat.builder().header(false)
                    .schema(Schema.of(Field.of("n", ColumnType.NUMERIC), Field.of("s", ColumnType.TEXT))).build();
            Table table = read(named, "1,a\n2,b\n");
            assertThat(table.textColumn("s").get(1)).isEqualTo("b");
            assertThat(write(named, table)).isEqualTo("1,a\n2,b\n");
        }

        @Test
        void withoutAHeaderOrSchemaBlankLinesBeforeTheFirstRecordAreSkippedHoweverManyPassesInferenceTakes() {
            CsvFormat noHeader = CsvFormat.builder().header(false).build();

            // one pass (numbers throughout) and two passes (a contradicted column read again as
            // categorical) give the same rows: the width is not known before the first record
            Table numbers = read(noHeader, "\n1\n2\n");
            Table contradicted = read(noHeader, "\n1\nx\n");

            assertThat(numbers.rowCount()).isEqualTo(2);
            assertThat(contradicted.rowCount()).isEqualTo(2);
            assertThat(contradicted.categoricalColumn("column_1").get(0)).isEqualTo("1");
            // after the first record a blank line of a one-column input is a missing value, on both paths
            assertThat(read(noHeader, "\n1\n\n2\n").column(0).missingCount()).isEqualTo(1);
            assertThat(read(noHeader, "\n1\n\nx\n").column(0).missingCount()).isEqualTo(1);
        }

        @Test
        void aGivenSchemaFixesTheColumnOrderAndTypes() {
            CsvFormat format = withSchema(Field.of("b", ColumnType.TEXT), Field.of("a", ColumnType.CATEGORICAL));

            Table table = read(format, "a,b\n1,x\n2,y\n");

            assertThat(table.schema().names()).containsExactly("b", "a");
            assertThat(table.categoricalColumn("a").get(1)).isEqualTo("2");
        }

        @Test
        void aByteOrderMarkIsNotPartOfTheFirstName() {
            Table table = read("\uFEFFa,b\n1,2\n");

            assertThat(table.schema().names()).containsExactly("a", "b");
        }

        @Test
        void otherCharsetsAreReadWhenNamed() {
            byte[] latin1 = "city\nMünchen\n".getBytes(StandardCharsets.ISO_8859_1);

            Table table = CsvFormat.builder().charset(StandardCharsets.ISO_8859_1).build()
                    .read(new ByteArrayInputStream(latin1), "latin1.csv");

            assertThat(table.categoricalColumn("city").get(0)).isEqualTo("München");
        }

        @Test
        void windows1252ReadsTheEuroSignAndLatin1EveryByte() {
            byte[] cp1252 = {'c', '\n', (byte) 0x80, ' ', '5', '\n'};
            byte[] latin1 = "city\nGöttingen\n".getBytes(StandardCharsets.ISO_8859_1);

            Table euro = CsvFormat.builder().charset(Charset.forName("windows-1252")).build()
                    .read(new ByteArrayInputStream(cp1252), "cp1252.csv");
            Table city = CsvFormat.of(new CsvFormat.Settings(null, null, null, null, null, null, "ISO-8859-1", null, null, null))
                    .read(new ByteArrayInputStream(latin1), "latin1.csv");

            assertThat(euro.categoricalColumn("c").get(0)).isEqualTo("\u20ac 5");
            assertThat(city.categoricalColumn("city").get(0)).isEqualTo("Göttingen");
        }

        @Test
        void spacesAreKeptUnlessTrimmed() {
            assertThat(read("x\n 1 \n").column("x").type()).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(read(CsvFormat.builder().trimSpaces(true).build(), "x\n 1 \n").numericColumn("x").get(0)).isEqualTo(1.0);
        }

        @Test
        void readingWithASchemaLeavesTheCallersStreamOpen() throws IOException {
            boolean[] closed = {false};
            ByteArrayInputStream in = new ByteArrayInputStream("x\n1\n".getBytes(StandardCharsets.UTF_8)) {
                @Override
                public void close() {
                    closed[0] = true;
                }
            };

            withSchema(Field.of("x", ColumnType.NUMERIC)).read(in, "test.csv");

            assertThat(closed[0]).isFalse();
        }

        @Test
        void theDelimiterCannotBeTheQuote() {
            assertThatThrownBy(() -> CsvFormat.builder().delimiter('"'))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("delimiter");
        }
    }

    @Nested
    class StrictDecoding {
        private static final byte U_UMLAUT_LATIN1 = (byte) 0xFC;

        private static Table readBytes(CsvFormat format, byte[] bytes) {
            return format.read(new ByteArrayInputStream(bytes), "test.csv");
        }

        private static byte[] concat(byte[]... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] part : parts) {
                out.writeBytes(part);
            }
            return out.toByteArray();
        }

        @Test
        void aLatin1ByteReadAsUtf8IsAnErrorNamingLineAndByteOffset() {
            byte[] bytes = concat("city,n\nBonn,1\nM".getBytes(StandardCharsets.US_ASCII),
                    new byte[] {U_UMLAUT_LATIN1}, "nchen,2\n".getBytes(StandardCharsets.US_ASCII));

            assertThatThrownBy(() -> readBytes(CsvFormat.defaults(), bytes))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.csv line 3: the byte 0xFC at byte offset 15 is not valid UTF-8; if the input has "
                            + "another encoding, name its charset, such as ISO-8859-1 or windows-1252")
                    .satisfies(e -> assertThat(((DataFormatException) e).line()).isEqualTo(3));
        }

        @Test
        void aBadByteUnderASchemaIsAnErrorToo() {
            byte[] bytes = concat("city\nM".getBytes(StandardCharsets.US_ASCII), new byte[] {U_UMLAUT_LATIN1, '\n'});

            assertThatThrownBy(() -> readBytes(withSchema(Field.of("city", ColumnType.CATEGORICAL)), bytes))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageStartingWith("test.csv line 2: the byte 0xFC at byte offset 6 is not valid UTF-8");
        }

        @Test
        void theOffsetAndLineStayExactFarIntoALargeInputAfterMultiLineValues() {
            StringBuilder csv = new StringBuilder("a,b\n\"x\ny\",1\n");
            for (int i = 0; i < 5000; i++) {
                csv.append("Göttingen,").append(i).append('\n');
            }
            byte[] head = csv.toString().getBytes(StandardCharsets.UTF_8);
            byte[] bytes = concat(head, new byte[] {'z', ',', (byte) 0xC3, '(', '\n'});

            assertThatThrownBy(() -> readBytes(CsvFormat.defaults(), bytes))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageStartingWith("test.csv line 5004: the byte 0xC3 at byte offset " + (head.length + 2)
                            + " is not valid UTF-8");
        }

        @Test
        void aSequenceCutShortByTheEndOfTheInputIsAnError() {
            byte[] bytes = concat("a\nx".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE2, (byte) 0x82});

            assertThatThrownBy(() -> readBytes(CsvFormat.defaults(), bytes))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageStartingWith("test.csv line 2: the bytes 0xE2 0x82 at byte offset 3 are not valid UTF-8");
        }

        @Test
        void multiByteCharactersAcrossEveryBufferBorderDecode() {
            String value = "€ü".repeat(20_000);

            Table table = read("a\n" + value + "\n");

            assertThat(table.categoricalColumn("a").get(0)).isEqualTo(value);
        }

        @Test
        void aByteWindows1252LeavesUndefinedIsAnError() {
            byte[] bytes = {'a', '\n', 'x', (byte) 0x81, '\n'};

            assertThatThrownBy(() -> readBytes(CsvFormat.builder().charset(Charset.forName("windows-1252")).build(), bytes))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageStartingWith("test.csv line 2: the byte 0x81 at byte offset 3 is not valid windows-1252");
        }

        @Test
        void aFileIsDecodedStrictlyAndNamedInTheMessage(@TempDir Path dir) throws IOException {
            Path file = Files.write(dir.resolve("latin1.csv"), "x\nM\u00fcnchen\n".getBytes(StandardCharsets.ISO_8859_1));

            assertThatThrownBy(() -> CsvFormat.defaults().read(file))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageStartingWith(file + " line 2: the byte 0xFC at byte offset 3 is not valid UTF-8");
        }
    }

    @Nested
    class Writing {
        @Test
        void writesNumbersWithoutLocaleMissingAsEmptyAndQuotesOnlyWhereNeeded() {
            Table table = Table.rowBuilder(Schema.of(Field.of("x", ColumnType.NUMERIC), Field.of("s", ColumnType.CATEGORICAL),
                            Field.of("at", ColumnType.TIMESTAMP), Field.of("ok", ColumnType.BOOLEAN)))
                    .addRow(1.5, "a,b", Instant.parse("2024-01-31T12:00:00Z"), true)
                    .addRow(Double.NaN, "say \"hi\"", null, false)
                    .addRow(null, "plain", Instant.parse("2024-01-31T12:00:00.123Z"), null)
                    .addRow(-0.0, "two\nlines", null, null)
                    .addRow(1e-7, "x", null, null)
                    .build();

            String csv = write(CsvFormat.defaults(), table);

            assertThat(csv).isEqualTo("x,s,at,ok\n"
                    + "1.5,\"a,b\",2024-01-31T12:00:00Z,true\n"
                    + "NaN,\"say \"\"hi\"\"\",,false\n"
                    + ",plain,2024-01-31T12:00:00.123Z,\n"
                    + "-0.0,\"two\nlines\",,\n"
                    + "1.0E-7,x,,\n");
            assertThat(read(CsvFormat.builder().schema(table.schema()).build(), csv)).isEqualTo(table);
        }
    }
}
