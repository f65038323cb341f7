package org.vigie.platform.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.engine.fact.Snapshot;
import org.vigie.platform.citizen.Actor;
import org.vigie.platform.citizen.CitizenRange;
import org.vigie.platform.citizen.CitizenSpaces;

/**
 * The stored citizens' snapshots read as a sweep reads them: contiguous id ranges of a chunk size,
 * each read in bulk in a transaction of its own ({@link CitizenSpaces#snapshots}, one trace entry
 * per citizen read, P9), by several reader threads taking the next range as they finish one.
 */
final class StoredSnapshots {

    private final CitizenSpaces spaces;
    private final TransactionTemplate transaction;
    private final Actor reader;
    private final String why;

    StoredSnapshots(ApplicationContext context, String reader, String why) {
        this.spaces = context.getBean(CitizenSpaces.class);
        this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.reader = Actor.engine(reader);
        this.why = why;
    }

    /**
     * Reads the first {@code chunks} ranges of {@code chunkSize} citizens with {@code threads}
     * readers, handing each range's snapshots to {@code each} on the reader's thread; returns how
     * many snapshots were read.
     */
    long read(int chunkSize, int threads, int chunks, Consumer<Collection<Snapshot>> each) throws Exception {
        List<CitizenRange> ranges = spaces.ranges(chunkSize);
        List<CitizenRange> todo = ranges.subList(0, Math.min(chunks, ranges.size()));
        AtomicInteger next = new AtomicInteger();
        AtomicLong read = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                readers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < todo.size()) {
                        CitizenRange range = todo.get(i);
                        Collection<Snapshot> snapshots = transaction.execute(s ->
                                spaces.snapshots(reader, spaces.citizensIn(range), why)).values();
                        each.accept(snapshots);
                        read.addAndGet(snapshots.size());
                    }
                    return null;
                }));
            }
            for (Future<?> r : readers) r.get();
        } finally {
            pool.shutdown();
        }
        return read.get();
    }
}
