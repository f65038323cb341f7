package org.vigie.platform.database;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Empties the embedded PostgreSQL's data directory before it starts ({@code vigie.embedded-postgres.reset}),
 * so that it starts on a new, empty database. Only a PostgreSQL data directory is wiped: a mistyped
 * path must not cost someone their files.
 */
final class DataDirectoryReset {

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryReset.class);

    private DataDirectoryReset() {
    }

    /** Deletes everything inside the directory (not the directory itself: it may be a mount point). */
    static void empty(Path directory) throws IOException {
        if (!Files.isDirectory(directory) || isEmpty(directory)) return;
        if (!Files.isRegularFile(directory.resolve("PG_VERSION"))) {
            throw new IllegalStateException("vigie.embedded-postgres.reset refuses to empty " + directory
                    + ": it is not a PostgreSQL data directory (no PG_VERSION file) and not empty;"
                    + " check vigie.embedded-postgres.data-directory");
        }
        log.warn("Emptying the embedded PostgreSQL data directory {} (vigie.embedded-postgres.reset=true):"
                + " starting on an empty database", directory);
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) throw failure;
                if (!dir.equals(directory)) Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }
}
