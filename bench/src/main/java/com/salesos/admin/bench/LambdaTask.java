package com.salesos.admin.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A function's code as Lambda runs it: Lambda unpacks the deployment package (our shaded jar) into
 * {@code /var/task} and the JVM loads the classes from that directory, not from a jar. The bench
 * unpacks every jar it starts, the baselines' too, into a directory of its own the same way, so that
 * both sides of a ratio read their classes alike.
 */
final class LambdaTask {

    private LambdaTask() {
    }

    /** Unpacks {@code jars} into {@code directory} (emptied first); of two entries of one name the first jar's wins, as in a shaded jar. */
    static Path unpack(List<Path> jars, Path directory) {
        try {
            if (Files.exists(directory)) {
                try (Stream<Path> old = Files.walk(directory)) {
                    old.sorted(Comparator.reverseOrder()).forEach(LambdaTask::delete);
                }
            }
            Files.createDirectories(directory);
            Path root = directory.toAbsolutePath().normalize();
            for (Path jar : jars) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    Enumeration<? extends ZipEntry> entries = zip.entries();
                    while (entries.hasMoreElements()) {
                        ZipEntry entry = entries.nextElement();
                        Path target = root.resolve(entry.getName()).normalize();
                        if (!target.startsWith(root)) {
                            throw new IllegalStateException(jar + " has an entry outside its root: " + entry.getName());
                        }
                        if (entry.isDirectory()) {
                            Files.createDirectories(target);
                        } else if (!Files.exists(target)) {
                            Files.createDirectories(target.getParent());
                            try (InputStream in = zip.getInputStream(entry)) {
                                Files.copy(in, target);
                            }
                        }
                    }
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
