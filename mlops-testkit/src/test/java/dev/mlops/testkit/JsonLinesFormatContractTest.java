package dev.mlops.testkit;

import dev.mlops.core.table.Schema;
import dev.mlops.data.io.JsonLinesFormat;
import dev.mlops.data.io.TableFormat;
import java.nio.charset.StandardCharsets;

/** Runs the {@link TableFormatContract} against {@link JsonLinesFormat} with its default settings. */
class JsonLinesFormatContractTest extends TableFormatContract {

    @Override
    protected TableFormat format() {
        return JsonLinesFormat.defaults();
    }

    @Override
    protected TableFormat format(Schema schema) {
        return JsonLinesFormat.builder().schema(schema).build();
    }

    /** An object cut off on physical line 5, after blank lines 2 and 4 (the second holds spaces). */
    @Override
    protected byte[] malformedInput() {
        return ("{\"a\":1,\"b\":\"x\"}\n"
                + "\n"
                + "{\"a\":2,\"b\":\"y\"}\n"
                + "   \n"
                + "{\"a\":3,\"b\":\n"
                + "{\"a\":4,\"b\":\"z\"}\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected long malformedLine() {
        return 5;
    }
}
