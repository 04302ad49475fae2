package io.quotegraph.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The working directories of the commands that start their own system (benchmarks, fault and load tests). */
final class TempDirectories {

    private TempDirectories() {
    }

    /** Deletes the directory and everything in it; a failure is reported, not thrown (the result is already printed). */
    static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + directory + ": " + e.getMessage());
        }
    }
}
