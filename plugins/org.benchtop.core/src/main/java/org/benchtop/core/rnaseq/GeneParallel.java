package org.benchtop.core.rnaseq;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.benchtop.core.ProgressMonitor;

/**
 * Runs independent per-gene work on a fixed number of threads. Genes are cut into fixed chunks;
 * each chunk writes only its own genes' output slots, so results are identical whatever the
 * thread count and scheduling. Chunks hold at most 128 genes (milliseconds of work), so the threads
 * finish each step within one short chunk of each other. Progress is reported as chunks finish;
 * cancellation is checked before each chunk.
 */
final class GeneParallel {

    /** Work on the genes {@code [from, to)}. */
    @FunctionalInterface
    interface Chunk {
        /**
         * @param from first gene (inclusive)
         * @param to last gene (exclusive)
         */
        void run(int from, int to);
    }

    private GeneParallel() {
    }

    /**
     * @param n number of genes
     * @param threads worker threads (1 = run in the calling thread)
     * @param monitor progress and cancellation
     * @param message progress message
     * @param body the per-chunk work
     */
    static void run(int n, int threads, ProgressMonitor monitor, String message, Chunk body) {
        if (n == 0) {
            return;
        }
        int chunk = Math.max(32, Math.min(128, n / Math.max(1, threads * 16)));
        int nChunks = (n + chunk - 1) / chunk;
        AtomicInteger done = new AtomicInteger();
        if (threads <= 1 || nChunks == 1) {
            for (int c = 0; c < nChunks; c++) {
                monitor.checkCanceled();
                body.run(c * chunk, Math.min(n, (c + 1) * chunk));
                monitor.setProgress((double) done.incrementAndGet() / nChunks, message);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "benchtop-rnaseq");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                futures.add(pool.submit(() -> {
                    for (int c = next.getAndIncrement(); c < nChunks; c = next.getAndIncrement()) {
                        if (monitor.isCanceled()) {
                            return;
                        }
                        body.run(c * chunk, Math.min(n, (c + 1) * chunk));
                        monitor.setProgress((double) done.incrementAndGet() / nChunks, message);
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("Interrupted");
                }
            }
            monitor.checkCanceled();
        } finally {
            pool.shutdownNow();
        }
    }
}
