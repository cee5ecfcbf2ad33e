package dev.mlops.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class MlopsExceptionTest {

    @Test
    void keepsMessageAndCause() {
        IOException cause = new IOException("disk full");

        MlopsException error = new MlopsException("could not save run 7", cause);

        assertThat(error).hasMessage("could not save run 7").hasCause(cause).isInstanceOf(RuntimeException.class);
        assertThat(new MlopsException("plain")).hasMessage("plain").hasNoCause();
    }

    @Test
    void schemaExceptionIsAnMlopsException() {
        SchemaException error = new SchemaException("no column named 'x'");

        assertThat(error).isInstanceOf(MlopsException.class).hasMessage("no column named 'x'").hasNoCause();
    }
}
