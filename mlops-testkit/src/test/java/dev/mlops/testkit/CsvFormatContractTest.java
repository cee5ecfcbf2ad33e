package dev.mlops.testkit;

import dev.mlops.core.table.Schema;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.io.TableFormat;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Runs the {@link TableFormatContract} against {@link CsvFormat} with its default settings. */
class CsvFormatContractTest extends TableFormatContract {

    @Override
    protected TableFormat format() {
        return CsvFormat.defaults();
    }

    @Override
    protected TableFormat format(Schema schema) {
        return CsvFormat.builder().schema(schema).build();
    }

    /**
     * A ragged row (two values under a header of three) on physical line 6, after a record that
     * spans lines 2 and 3 and a blank line 4.
     */
    @Override
    protected byte[] malformedInput() {
        return ("id,name,score\n"
                + "1,\"two\nlines\",3.5\n"
                + "\n"
                + "2,Bob,4.0\n"
                + "3,Carol\n"
                + "4,Dan,1.0\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected long malformedLine() {
        return 6;
    }

    /** CSV's default missing tokens, which its javadoc says read back as missing. */
    @Override
    protected Set<String> textsReadAsMissing() {
        return Set.of("", "NA", "?");
    }
}
