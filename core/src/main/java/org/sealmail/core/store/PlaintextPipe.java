package org.sealmail.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

import org.sealmail.core.SmimeException;

/**
 * A bounded in-memory pipe between one writing thread and one reading thread, for plaintext that
 * must never touch disk. Its buffer is zeroed once both ends are done with it.
 *
 * <p>Unlike {@link java.io.PipedInputStream}, the reader sees the end only when the writer says
 * it succeeded ({@link #finishWriting()}); when the writer fails ({@link #failWriting}), the
 * reader's next read throws that failure (an IOException carrying the SmimeException, see
 * {@link SmimeException#asIoException()}), even if it has not read everything buffered yet. A
 * reader that gives up ({@link #closeReading()}) makes the writer's next write fail, so the
 * writer never blocks forever.
 */
final class PlaintextPipe {

    private final byte[] ring;
    private int start;
    private int count;
    private boolean writerFinished;
    private SmimeException writerFailure;
    private boolean readerClosed;
    private boolean zeroed;

    PlaintextPipe(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: " + capacity);
        }
        this.ring = new byte[capacity];
    }

    /** The writing end; closing it does nothing: the writer ends with finishWriting or failWriting. */
    OutputStream sink() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                Objects.checkFromIndexSize(off, len, b.length);
                put(b, off, len);
            }
        };
    }

    /** The reading end; closing it is {@link #closeReading()}. */
    InputStream source() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                Objects.checkFromIndexSize(off, len, b.length);
                return take(b, off, len);
            }

            @Override
            public void close() {
                closeReading();
            }
        };
    }

    /** Everything written was written: the reader sees the end once it has read it all. */
    synchronized void finishWriting() {
        writerFinished = true;
        notifyAll();
    }

    /** The writer failed: the reader gets {@code failure} at its next read; the buffer is dropped. */
    synchronized void failWriting(SmimeException failure) {
        writerFailure = Objects.requireNonNull(failure, "failure");
        writerFinished = true;
        zero();
        notifyAll();
    }

    /**
     * The reader is done, whether or not it read everything: the writer's next write fails.
     *
     * @return the writer's failure if it failed before this, else null (a failure it meets from
     *         now on is this close's doing)
     */
    synchronized SmimeException closeReading() {
        SmimeException before = writerFailure;
        readerClosed = true;
        zero();
        notifyAll();
        return before;
    }

    private synchronized void put(byte[] b, int off, int len) throws IOException {
        if (writerFinished) {
            throw new IOException("the pipe was closed for writing");
        }
        while (len > 0) {
            while (count == ring.length && !readerClosed) {
                await();
            }
            if (readerClosed) {
                throw new IOException("the re-encryption stopped reading the decrypted message");
            }
            int end = (start + count) % ring.length;
            int n = Math.min(len, Math.min(ring.length - count, ring.length - end));
            System.arraycopy(b, off, ring, end, n);
            count += n;
            off += n;
            len -= n;
            notifyAll();
        }
    }

    private synchronized int take(byte[] b, int off, int len) throws IOException {
        if (readerClosed) {
            throw new IOException("the pipe was closed for reading");
        }
        if (len == 0) {
            return 0;
        }
        while (count == 0 && !writerFinished) {
            await();
        }
        if (writerFailure != null) {
            throw writerFailure.asIoException();
        }
        if (count == 0) {
            return -1;
        }
        int n = Math.min(len, Math.min(count, ring.length - start));
        System.arraycopy(ring, start, b, off, n);
        Arrays.fill(ring, start, start + n, (byte) 0);
        start = (start + n) % ring.length;
        count -= n;
        notifyAll();
        return n;
    }

    private void await() throws InterruptedIOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the decrypted message");
        }
    }

    private void zero() {
        if (!zeroed) {
            Arrays.fill(ring, (byte) 0);
            zeroed = true;
            count = 0;
        }
    }
}
