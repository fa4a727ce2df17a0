package org.benchtop.core.table;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Produces numbered chunks of bytes in parallel and hands them to one consumer strictly in order,
 * so that the output is the same whatever the number of threads. The calling thread consumes (e.g.
 * writes to a file or a digest) and, while the next chunk is not ready, formats chunks itself;
 * helper tasks on the {@linkplain ForkJoinPool#commonPool() common pool} format ahead, at most a
 * bounded window of chunks, so memory stays small however long the output. Helpers never block:
 * when the window is full they end, and the calling thread starts new ones as it consumes.
 *
 * <p>Used by {@link CsvWriter}; package-private.
 */
final class ChunkPipeline {

    /** Formats one chunk. Called from several threads at once, each with its own buffer. */
    interface Producer {
        /**
         * @param chunk the 0-based chunk number
         * @param out an empty buffer to append the chunk's bytes to
         */
        void produce(int chunk, Bytes out);
    }

    /** Receives the chunks in order, on the calling thread. */
    interface Consumer {
        /**
         * @param bytes the chunk (valid until the method returns)
         * @param length the number of bytes
         * @throws IOException if the bytes cannot be written
         */
        void accept(byte[] bytes, int length) throws IOException;
    }

    /** A growable byte buffer. */
    static final class Bytes {
        byte[] a;
        int n;
        /**
         * State the producer keeps with this buffer from chunk to chunk (buffers are reused, and
         * used by one thread at a time), e.g. a cache; {@code null} at first.
         */
        Object scratch;

        Bytes(int capacity) {
            a = new byte[capacity];
        }

        /** Makes room for {@code extra} more bytes. */
        void ensure(int extra) {
            if (a.length - n < extra) {
                long want = Math.max((long) n + extra, (long) a.length * 2);
                if (want > Integer.MAX_VALUE - 16) {
                    want = Integer.MAX_VALUE - 16;
                    if (want < (long) n + extra) {
                        throw new OutOfMemoryError("A CSV chunk does not fit into a byte array");
                    }
                }
                a = Arrays.copyOf(a, (int) want);
            }
        }
    }

    private static final int BUFFER_BYTES = 1 << 18;

    private final int chunks;
    private final Producer producer;
    private final int helpers;
    private final int window;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicReferenceArray<Bytes> done;
    private final ConcurrentLinkedQueue<Bytes> free = new ConcurrentLinkedQueue<>();
    private final Object signal = new Object();
    private volatile int consumed;
    private volatile boolean aborted;
    private volatile Throwable failure;

    private ChunkPipeline(int chunks, Producer producer, int helpers) {
        this.chunks = chunks;
        this.producer = producer;
        this.helpers = helpers;
        this.window = 4 * (helpers + 1);
        this.done = new AtomicReferenceArray<>(chunks);
    }

    /**
     * Produces chunks {@code 0 .. chunks-1} and consumes them in order.
     *
     * @param chunks the number of chunks, ≥ 0
     * @param producer formats a chunk (from any thread)
     * @param consumer receives the chunks in order (on the calling thread)
     * @throws IOException if the consumer fails; the producers stop
     */
    static void run(int chunks, Producer producer, Consumer consumer) throws IOException {
        int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), chunks - 1);
        if (helpers <= 0 || Runtime.getRuntime().availableProcessors() < 2) {
            Bytes b = new Bytes(BUFFER_BYTES);
            for (int i = 0; i < chunks; i++) {
                b.n = 0;
                producer.produce(i, b);
                consumer.accept(b.a, b.n);
            }
            return;
        }
        new ChunkPipeline(chunks, producer, helpers).consumeAll(consumer);
    }

    private void consumeAll(Consumer consumer) throws IOException {
        try {
            for (int w = 0; w < chunks; w++) {
                startHelpers();
                Bytes b;
                while ((b = done.get(w)) == null) {
                    rethrow();
                    int i = claim();
                    if (i >= 0) {
                        produce(i);
                        continue;
                    }
                    synchronized (signal) {
                        while (done.get(w) == null && failure == null) {
                            signal.wait();
                        }
                    }
                }
                done.set(w, null);
                consumer.accept(b.a, b.n);
                free.offer(b);
                consumed = w + 1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while writing");
        } finally {
            aborted = true;
        }
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    private void startHelpers() {
        while (active.get() < helpers && next.get() < Math.min(chunks, consumed + window)) {
            active.incrementAndGet();
            ForkJoinPool.commonPool().execute(this::help);
        }
    }

    /** @return the next chunk to produce, or -1 if none may be started now */
    private int claim() {
        while (true) {
            int i = next.get();
            if (aborted || i >= chunks || i >= consumed + window) {
                return -1;
            }
            if (next.compareAndSet(i, i + 1)) {
                return i;
            }
        }
    }

    private void produce(int i) {
        Bytes b = free.poll();
        if (b == null) {
            b = new Bytes(BUFFER_BYTES);
        }
        b.n = 0;
        producer.produce(i, b);
        done.set(i, b);
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void help() {
        try {
            for (int i = claim(); i >= 0; i = claim()) {
                produce(i);
            }
        } catch (Throwable t) { // handed to the consuming thread, which throws it
            aborted = true;
            synchronized (signal) {
                if (failure == null) {
                    failure = t;
                }
                signal.notifyAll();
            }
        } finally {
            active.decrementAndGet();
        }
    }
}
