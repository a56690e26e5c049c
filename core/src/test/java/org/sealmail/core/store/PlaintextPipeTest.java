package org.sealmail.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.sealmail.core.SmimeException;

class PlaintextPipeTest {

    @Test
    void bytesPassThroughASmallBufferInOrderAndEndOnlyWhenTheWriterSucceeded() throws Exception {
        byte[] data = new byte[100_000];
        new Random(7).nextBytes(data);
        PlaintextPipe pipe = new PlaintextPipe(1000);
        Thread writer = new Thread(() -> {
            try {
                OutputStream sink = pipe.sink();
                for (int i = 0; i < data.length; i += 777) {
                    sink.write(data, i, Math.min(777, data.length - i));
                }
                pipe.finishWriting();
            } catch (IOException e) {
                pipe.failWriting(SmimeException.fromIo("write", e));
            }
        });
        writer.start();
        byte[] read = pipe.source().readAllBytes();
        writer.join();
        assertArrayEquals(data, read);
    }

    @Test
    void theWritersFailureReachesTheReaderEvenWithBytesStillBuffered() throws Exception {
        PlaintextPipe pipe = new PlaintextPipe(100);
        pipe.sink().write(new byte[50]);
        SmimeException failure = SmimeException.badInput("bad padding");
        pipe.failWriting(failure);
        InputStream source = pipe.source();
        IOException e = assertThrows(IOException.class, () -> source.read(new byte[10]));
        assertSame(failure, e.getCause());
        assertSame(failure, pipe.closeReading());
    }

    @Test
    void aReaderThatGivesUpReleasesABlockedWriter() throws Exception {
        PlaintextPipe pipe = new PlaintextPipe(10);
        AtomicReference<IOException> writeFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                pipe.sink().write(new byte[1000]);
            } catch (IOException e) {
                writeFailure.set(e);
            }
        });
        writer.start();
        assertEquals(0, pipe.source().read());
        assertEquals(null, pipe.closeReading(), "the writer had not failed before the reader closed");
        writer.join(5000);
        assertEquals(false, writer.isAlive());
        assertEquals(true, writeFailure.get() != null);
    }
}
