package dev.mlops.deploy.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.protos.core.ExampleDataProto;

class FormatsTest {
    @Test
    void equalMessagesGiveEqualBytesWhateverTheOrderTheirMapsWereFilledIn() {
        ExampleDataProto.Builder forward = ExampleDataProto.newBuilder();
        ExampleDataProto.Builder backward = ExampleDataProto.newBuilder();
        for (int i = 0; i < 20; i++) {
            forward.putMetadata("key" + i, "value" + i);
            backward.putMetadata("key" + (19 - i), "value" + (19 - i));
        }

        assertThat(Formats.protobuf(backward.build())).isEqualTo(Formats.protobuf(forward.build()));
    }

    @Test
    void writingAContainerFlushesTheCallersStream() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Container container = new Container("k", Map.of("p", new byte[] {1, 2, 3}));

        Formats.write(container, new BufferedOutputStream(bytes, 1 << 16));

        assertThat(bytes.toByteArray()).isEqualTo(container.toBytes());
    }
}
