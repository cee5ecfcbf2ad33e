package dev.mlops.deploy.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerTest {
    private static final byte[] MAGIC = {(byte) 0x89, 'M', 'L', 'O', 'P', 'S', 0x0D, 0x0A};

    private static Container twoParts() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("b", "hi".getBytes(StandardCharsets.UTF_8));
        parts.put("a", new byte[0]);
        return new Container("kind", parts);
    }

    /** A container's body as the documented layout spells it, with any version, closed by its right checksum. */
    private static byte[] sealed(byte[] body) throws Exception {
        byte[] all = Arrays.copyOf(body, body.length + 32);
        System.arraycopy(MessageDigest.getInstance("SHA-256").digest(body), 0, all, body.length, 32);
        return all;
    }

    private static ByteBuffer header(int version, int capacity) {
        ByteBuffer body = ByteBuffer.allocate(capacity);
        body.put(MAGIC).putShort((short) version).putShort((short) 4).put("kind".getBytes(StandardCharsets.UTF_8));
        return body;
    }

    @Test
    void writesTheDocumentedLayout() throws Exception {
        ByteBuffer body = header(1, 34);
        body.putShort((short) 2);
        body.putShort((short) 1).put((byte) 'b').putInt(2).put("hi".getBytes(StandardCharsets.UTF_8));
        body.putShort((short) 1).put((byte) 'a').putInt(0);

        assertThat(HexFormat.of().formatHex(twoParts().toBytes())).isEqualTo(HexFormat.of().formatHex(
                sealed(body.array())));
    }

    @Test
    void readsBackTheKindAndThePartsInOrder() {
        Container read = Container.read(twoParts().toBytes(), "c");

        assertThat(read.kind()).isEqualTo("kind");
        assertThat(read.parts().keySet()).containsExactly("b", "a");
        assertThat(read.text("b", "c")).isEqualTo("hi");
        assertThat(read.part("a", "c")).isEmpty();
        assertThat(read.requireKind("kind", "c")).isSameAs(read);
    }

    @Test
    void thePartsAreCopiedInAndOut() {
        byte[] bytes = {1, 2};
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("p", bytes);
        Container container = new Container("k", parts);
        bytes[0] = 9;
        container.part("p", "c")[1] = 9;

        assertThat(container.part("p", "c")).containsExactly(1, 2);
    }

    @Test
    void recognisesItsHeader() {
        assertThat(Container.startsAsContainer(twoParts().toBytes())).isTrue();
        assertThat(Container.startsAsContainer(Arrays.copyOf(MAGIC, 7))).isFalse();
        assertThat(Container.startsAsContainer(MAGIC.clone())).isTrue();
        assertThat(Container.startsAsContainer("PK\3\4 a zip file".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
    }

    @Test
    void aShortInputIsRefusedWithItsLength() {
        assertThatThrownBy(() -> Container.read(new byte[] {1, 2}, "s")).isInstanceOf(ModelFormatException.class)
                .hasMessage("s: not a model written by mlops: it does not start with the model header (0x89 'MLOPS'"
                        + " CR LF) but with 01 02 (2 bytes in all)");
        assertThatThrownBy(() -> Container.read(Arrays.copyOf(MAGIC, 41), "s")).isInstanceOf(
                ModelFormatException.class).hasMessage("s: truncated: 41 bytes, fewer than the smallest model");
        assertThatThrownBy(() -> Container.read(Arrays.copyOf(MAGIC, 42), "s")).isInstanceOf(
                ModelFormatException.class).hasMessageStartingWith("s: truncated or altered");
    }

    @Test
    void oneAlteredByteIsRefused() {
        byte[] bytes = twoParts().toBytes();
        bytes[bytes.length - 40] ^= 1;

        assertThatThrownBy(() -> Container.read(bytes, "s")).isInstanceOf(ModelFormatException.class)
                .hasMessage("s: truncated or altered: the SHA-256 of its " + (bytes.length - 32) + " bytes does not"
                        + " match the checksum it ends with");
    }

    @Test
    void anotherLayoutVersionIsRefusedNamingBoth() throws Exception {
        ByteBuffer body = header(2, 18);
        body.putShort((short) 0);

        assertThatThrownBy(() -> Container.read(sealed(body.array()), "s")).isInstanceOf(ModelFormatException.class)
                .hasMessage("s: written in model layout version 2; this library reads version 1");
    }

    @Test
    void aPartLongerThanWhatIsLeftIsRefused() throws Exception {
        ByteBuffer body = header(1, 25);
        body.putShort((short) 1).putShort((short) 1).put((byte) 'p').putInt(-1);

        assertThatThrownBy(() -> Container.read(sealed(body.array()), "s")).isInstanceOf(ModelFormatException.class)
                .hasMessage("s: part 'p' claims 4294967295 bytes but 0 are left");
        ByteBuffer longer = header(1, 26);
        longer.putShort((short) 1).putShort((short) 1).put((byte) 'p').putInt(2).put((byte) 7);
        assertThatThrownBy(() -> Container.read(sealed(longer.array()), "s")).isInstanceOf(
                ModelFormatException.class).hasMessage("s: part 'p' claims 2 bytes but 1 are left");
    }

    @Test
    void bytesAfterTheLastPartAreRefused() throws Exception {
        ByteBuffer body = header(1, 21);
        body.putShort((short) 0).put(new byte[] {5, 5, 5});

        assertThatThrownBy(() -> Container.read(sealed(body.array()), "s")).isInstanceOf(ModelFormatException.class)
                .hasMessage("s: 3 bytes follow the last part");
    }

    @Test
    void aPartCountBeyondThePartsIsRefused() throws Exception {
        ByteBuffer body = header(1, 18);
        body.putShort((short) 3);

        assertThatThrownBy(() -> Container.read(sealed(body.array()), "s")).isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith("s: its parts end early: java.io.EOFException");
    }

    @Test
    void anotherKindOrAMissingPartIsRefusedNamingThem() {
        Container container = twoParts();

        assertThatThrownBy(() -> container.requireKind("tribuo", "s")).isInstanceOf(ModelFormatException.class)
                .hasMessage("s: written as 'kind', not 'tribuo'");
        assertThatThrownBy(() -> container.part("model.pb", "s")).isInstanceOf(ModelFormatException.class)
                .hasMessage("s: has no part 'model.pb'; its parts are [b, a]");
    }
}
