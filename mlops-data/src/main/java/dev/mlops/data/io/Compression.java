package dev.mlops.data.io;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.mlops.core.DataFormatException;
import io.airlift.compress.zstd.ZstdInputStream;
import io.airlift.compress.zstd.ZstdOutputStream;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.io.IoConsumer;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/**
 * How the bytes of a table file are compressed: {@link #NONE}, {@link #GZIP}, {@link #ZSTD},
 * {@link #BZIP2} or {@link #XZ}, all in pure Java (gzip with the JDK's deflater, zstd with
 * aircompressor, bzip2 and xz with Apache Commons Compress and XZ for Java), so no native library
 * is needed.
 *
 * <p>{@link CsvFormat} and {@link JsonLinesFormat} read and write compressed files transparently:
 * <pre>{@code
 * Table rows = CsvFormat.defaults().read(Path.of("rows.csv.gz"));      // gunzipped while read
 * JsonLinesFormat.defaults().write(rows, Path.of("rows.jsonl.zst"));  // zstd, by the name
 *
 * try (OutputStream out = Compression.GZIP.compress(System.out)) {     // a stream, explicitly
 *     CsvFormat.defaults().write(rows, out);
 * }
 * }</pre>
 *
 * <p><b>Reading</b> recognises the compression by the data's first bytes, its magic number, whatever
 * the file is called: a gzip file named {@code rows.csv} reads as gzip, and a plain file named
 * {@code rows.csv.gz} as plain text. The name matters only when the file is too short to show its
 * magic number: a file named as compressed that holds less than its format's header is a truncated
 * archive and an error. A stream ({@link #decompressing(InputStream, String)}, and so
 * {@link TableFormat#read(InputStream, String)} of the built-in formats, for {@code stdin}) is
 * recognised by its first bytes too; pandas infers only from a path. Concatenated members or frames
 * (as {@code cat a.gz b.gz > ab.gz} makes) read as one stream, as {@code gzip -d} reads them; bytes
 * after the last one that start no member are an error, not ignored. The bzip2 check looks past
 * {@code BZh} at the block header, so a text file starting with {@code BZh} stays text.
 *
 * <p>Errors: compressed data that ends early (cut anywhere: in the header, inside a block, before
 * the trailer or checksum) or is corrupt (a checksum that does not match) is a
 * {@link DataFormatException} naming the input and the physical line of the uncompressed text
 * reached so far, never a silently short table. The decoders hand out text in pieces (8 KiB here
 * for gzip and xz, a whole block for zstd and bzip2), so the damage lies at most a piece after
 * that line. Line numbers and byte offsets in every error and in
 * {@link RowOrigins} refer to the uncompressed text, as they would for the same file uncompressed.
 *
 * <p><b>Writing</b> compresses by the file's extension ({@link #forName(Path)}: {@code .gz},
 * {@code .zst} or {@code .zstd}, {@code .bz2}, {@code .xz}), or by a format's {@code compression}
 * setting when it has one; {@link #compress(OutputStream)} compresses a stream.
 *
 * <p>The formats' settings write a compression in lower case ({@code none}, {@code gzip},
 * {@code zstd}, {@code bzip2}, {@code xz}). Thread-safe; each stream belongs to one thread.
 */
public enum Compression {
    /** Not compressed. */
    NONE(List.of(), new byte[0]),
    /** gzip (RFC 1952), extension {@code .gz}; deflate by the JDK. */
    GZIP(List.of(".gz"), new byte[] {0x1f, (byte) 0x8b, 0x08}),
    /** Zstandard (RFC 8878), extensions {@code .zst} and {@code .zstd}; aircompressor's pure-Java codec. */
    ZSTD(List.of(".zst", ".zstd"), new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}),
    /** bzip2, extension {@code .bz2}; Apache Commons Compress. */
    BZIP2(List.of(".bz2"), new byte[] {'B', 'Z', 'h'}),
    /** xz (LZMA2), extension {@code .xz}; Apache Commons Compress over XZ for Java. */
    XZ(List.of(".xz"), new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0x00});

    /** The bytes read ahead to recognise a compression: the longest check, bzip2's. */
    static final int HEAD_BYTES = 10;
    /** The read buffer under a decompressor, which reads its input in small pieces (bzip2 byte by byte). */
    private static final int BUFFER_BYTES = 1 << 16;
    /** What follows {@code BZh} and the block size digit: a block's magic (the digits of pi) or the end of the stream's (of sqrt(pi)). */
    private static final byte[] BZIP2_BLOCK = {0x31, 0x41, 0x59, 0x26, 0x53, 0x59};
    private static final byte[] BZIP2_END = {0x17, 0x72, 0x45, 0x38, 0x50, (byte) 0x90};

    private final List<String> extensions;
    private final byte[] magic;

    Compression(List<String> extensions, byte[] magic) {
        this.extensions = extensions;
        this.magic = magic;
    }

    /** @return the lower-case name used in settings, such as {@code "gzip"} */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a label written by {@link #label()}, in any case.
     *
     * @param label {@code "none"}, {@code "gzip"}, {@code "zstd"}, {@code "bzip2"} or {@code "xz"}
     * @return the compression
     * @throws IllegalArgumentException if the label is none of them; the message lists them
     */
    @JsonCreator
    public static Compression fromLabel(String label) {
        for (Compression compression : values()) {
            if (compression.label().equalsIgnoreCase(label.trim())) {
                return compression;
            }
        }
        throw new IllegalArgumentException("compression must be none, gzip, zstd, bzip2 or xz but was '" + label + "'");
    }

    /** @return the file extensions that name this compression, with their dot ({@code .gz}); none for {@link #NONE} */
    public List<String> extensions() {
        return extensions;
    }

    /** @return the extension files written with this compression get, such as {@code .gz}, or "" for {@link #NONE} */
    public String extension() {
        return extensions.isEmpty() ? "" : extensions.get(0);
    }

    /**
     * The compression a file's name says, by its last extension in any case: {@code rows.csv.gz}
     * is {@link #GZIP}, {@code rows.jsonl.zst} {@link #ZSTD}, {@code rows.csv} {@link #NONE}. This
     * is what writing a file uses; reading looks at the bytes ({@link #of(Path)}).
     *
     * @param file a file
     * @return the compression its name says, or {@link #NONE}
     */
    public static Compression forName(Path file) {
        return named(String.valueOf(Objects.requireNonNull(file, "file").getFileName()));
    }

    /**
     * Removes the extension of a compression from a file name, so that the rest names the table
     * format: {@code data.csv.gz} gives {@code data.csv}, {@code rows.ndjson.bz2} gives
     * {@code rows.ndjson}; a name without one is returned as it is.
     *
     * @param fileName a file name
     * @return the name without its compression's extension
     */
    public static String withoutExtension(String fileName) {
        return fileName.substring(0, fileName.length() - named(fileName).extensionIn(fileName).length());
    }

    /** The compression whose extension ends the name (more than the extension), or {@link #NONE}. */
    private static Compression named(String fileName) {
        for (Compression compression : values()) {
            if (!compression.extensionIn(fileName).isEmpty()) {
                return compression;
            }
        }
        return NONE;
    }

    /** @return which of this compression's extensions ends the name (in any case, after a stem), or "" */
    private String extensionIn(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        for (String extension : extensions) {
            if (name.endsWith(extension) && name.length() > extension.length()) {
                return extension;
            }
        }
        return "";
    }

    /**
     * The compression of a file's bytes, by their magic number (whatever the name says).
     *
     * @param file a file
     * @return its compression, {@link #NONE} if its bytes start with none of the known magic numbers
     * @throws DataFormatException if the file is named as compressed but is shorter than its
     *     format's header: a truncated archive
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Compression of(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return recognise(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** {@link #of(Path)}, for a caller that names the failure to read itself. */
    static Compression recognise(Path file) throws IOException {
        byte[] head = new byte[HEAD_BYTES];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, HEAD_BYTES);
        }
        return recognise(head, length, file);
    }

    /**
     * The compression whose magic number starts the bytes, or, when the bytes are all of a file
     * and shorter than the header of the compression its name says, a truncation error.
     */
    static Compression recognise(byte[] head, int length, Path file) {
        Compression found = detect(head, length);
        Compression named = forName(file);
        if (found == NONE && named.truncatedHeader(head, length)) {
            throw new DataFormatException(file.toString(), 1, "the file is named as " + named.label()
                    + " data but holds only " + length + " byte(s), less than a " + named.label()
                    + " header: the archive is truncated");
        }
        return found;
    }

    /**
     * The compression whose magic number starts the bytes.
     *
     * @param head the first bytes of an input
     * @param length how many of them there are (the input may be shorter than the array)
     * @return the compression, or {@link #NONE} if the bytes start with no known magic number
     */
    static Compression detect(byte[] head, int length) {
        for (Compression compression : values()) {
            if (compression != NONE && compression.matches(head, length)) {
                return compression;
            }
        }
        return NONE;
    }

    /** Whether the bytes start with this compression's magic number; bzip2's must go on with a digit and a block's or the end's magic. */
    private boolean matches(byte[] head, int length) {
        if (length < magic.length || !Arrays.equals(head, 0, magic.length, magic, 0, magic.length)) {
            return false;
        }
        if (this != BZIP2) {
            return true;
        }
        return length >= HEAD_BYTES && head[3] >= '1' && head[3] <= '9'
                && (Arrays.equals(head, 4, HEAD_BYTES, BZIP2_BLOCK, 0, BZIP2_BLOCK.length)
                        || Arrays.equals(head, 4, HEAD_BYTES, BZIP2_END, 0, BZIP2_END.length));
    }

    /**
     * Whether the bytes, all there are and recognised as no compression ({@link #detect}), are a
     * proper start of this compression's header (its magic number, and bzip2's block size digit
     * and first magic after it): an input cut inside it. An empty input is.
     */
    private boolean truncatedHeader(byte[] head, int length) {
        // bytes that match the whole header were recognised: only a shorter start reaches here
        int compared = Math.min(length, magic.length);
        if (this == NONE || !Arrays.equals(head, 0, compared, magic, 0, compared)) {
            return false;
        }
        if (length <= magic.length) {
            return true;
        }
        // bzip2 past BZh: the block size digit, then the start of a block's or the end's magic
        return head[3] >= '1' && head[3] <= '9' && (Arrays.equals(head, 4, length, BZIP2_BLOCK, 0, length - 4)
                || Arrays.equals(head, 4, length, BZIP2_END, 0, length - 4));
    }

    /**
     * Opens a file for reading its uncompressed bytes, recognising the compression by the bytes'
     * magic number ({@link #of(Path)}); a file that is not compressed is read as it is.
     *
     * @param file the file
     * @return its uncompressed bytes, to be closed; reading fails with a {@link DataFormatException}
     *     naming the file and line if the compressed data ends early or is corrupt
     * @throws DataFormatException if the file is named as compressed but shorter than a header
     * @throws UncheckedIOException if the file cannot be opened
     */
    public static InputStream open(Path file) {
        Objects.requireNonNull(file, "file");
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        InputStream opened = null;
        try {
            BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER_BYTES);
            byte[] head = peek(buffered);
            opened = recognise(head, head.length, file).decompress(buffered, file.toString());
            return opened;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } finally {
            if (opened == null) {
                closeAfterFailure(raw);
            }
        }
    }

    /** Closes a stream that failed; its own failure to close adds nothing to the one being thrown. */
    private static void closeAfterFailure(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the exception on its way out says what went wrong
        }
    }

    /**
     * Wraps a stream so that it gives the uncompressed bytes, recognising the compression by the
     * first bytes; a stream that is not compressed is read as it is. The built-in formats'
     * {@link TableFormat#read(InputStream, String)} reads through it, so that
     * {@code mlops schema - < rows.csv.gz} needs no {@code zcat}.
     *
     * @param in the bytes; not closed when the returned stream is closed (which releases the decoder)
     * @param source the input's name for errors, such as "stdin"
     * @return the uncompressed bytes; reading fails with a {@link DataFormatException} naming the
     *     source and line if the compressed data ends early or is corrupt
     * @throws UncheckedIOException if the stream cannot be read
     */
    public static InputStream decompressing(InputStream in, String source) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        BufferedInputStream buffered = new BufferedInputStream(unclosed(in), BUFFER_BYTES);
        try {
            byte[] head = peek(buffered);
            return detect(head, head.length).decompress(buffered, source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** @return the stream, whose {@link InputStream#close()} does nothing: its caller owns it */
    static InputStream unclosed(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                return in.read(bytes, offset, length);
            }

            @Override
            public void close() {
                // the caller owns the stream
            }
        };
    }

    /** Reads the first bytes without consuming them. */
    private static byte[] peek(BufferedInputStream in) throws IOException {
        in.mark(HEAD_BYTES);
        byte[] head = in.readNBytes(HEAD_BYTES);
        in.reset();
        return head;
    }

    /**
     * Wraps a stream of data compressed this way so that it gives the uncompressed bytes, the
     * members or frames of concatenated data one after the other. {@link #NONE} gives the stream.
     *
     * @param in the compressed bytes; closed when the returned stream is closed
     * @param source the input's name for errors, such as a file name or "stdin"
     * @return the uncompressed bytes; reading fails with a {@link DataFormatException} naming the
     *     source and the physical line reached if the data ends early or is corrupt
     * @throws DataFormatException if the data does not start with this compression's header
     */
    public InputStream decompress(InputStream in, String source) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        if (this == NONE) {
            return in;
        }
        return new DecompressedInput(new BufferedInputStream(in, BUFFER_BYTES), this, source);
    }

    /** Opens this compression's decoder over the raw bytes; it may read the header at once. */
    InputStream decoder(InputStream raw) throws IOException {
        return switch (this) {
            case NONE -> raw;
            case GZIP -> GzipCompressorInputStream.builder().setInputStream(raw).setDecompressConcatenated(true).get();
            case ZSTD -> new ZstdInputStream(raw);
            case BZIP2 -> new BZip2CompressorInputStream(raw, true);
            case XZ -> XZCompressorInputStream.builder().setInputStream(raw).setDecompressConcatenated(true).get();
        };
    }

    /**
     * Wraps a stream so that what is written to it is compressed this way. Closing the returned
     * stream finishes the compressed data (its trailer and checksum) and flushes {@code out}, but
     * leaves {@code out} open, as {@link TableFormat#write(dev.mlops.core.table.Table, OutputStream)}
     * leaves its stream open; the data is complete only once it is closed. {@link #NONE} writes the
     * bytes as they are.
     *
     * @param out where the compressed bytes go
     * @return the stream to write the uncompressed bytes to
     * @throws UncheckedIOException if the header cannot be written
     */
    public OutputStream compress(OutputStream out) {
        Objects.requireNonNull(out, "out");
        OutputStream unclosed = new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
        try {
            return switch (this) {
                case NONE -> unclosed;
                case GZIP -> new GZIPOutputStream(unclosed, BUFFER_BYTES);
                case ZSTD -> new ZstdOutputStream(unclosed);
                case BZIP2 -> new BZip2CompressorOutputStream(unclosed);
                case XZ -> new XZCompressorOutputStream(unclosed);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + label() + " data", e);
        }
    }

    /**
     * Writes a file atomically ({@link AtomicFiles#write(Path, IoConsumer)}) compressed this way.
     *
     * @param file the file
     * @param writer writes the uncompressed bytes to the stream it is given
     * @throws UncheckedIOException if the file cannot be written
     */
    void write(Path file, IoConsumer<OutputStream> writer) {
        AtomicFiles.write(file, out -> {
            try (OutputStream compressed = compress(out)) {
                writer.accept(compressed);
            }
        });
    }
}
