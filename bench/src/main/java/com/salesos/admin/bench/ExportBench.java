package com.salesos.admin.bench;

import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.emulator.RepositoryRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/bench-exports}: the export pipeline's throughput and memory. First the CSV + zip
 * (+ SHA-256) part alone on one thread; then whole exports of 10k, 100k and 1M records through the
 * worker with its real adapters into the emulator's S3 (multipart), each in a fresh JVM with the
 * worker's JVM options from template.yaml and a fixed heap, reporting records/s, MB/s and heap.
 * Prints medians; asserts nothing.
 */
public final class ExportBench {

    private static final double MB = 1024.0 * 1024.0;

    private ExportBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int[] sizes = args.length > 1 ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {10_000, 100_000, 200_000, 1_000_000};

        System.out.println("CSV + zip + SHA-256 alone, one thread, 1,000,000 generated deals, after 3 warm-up runs:");
        for (int i = 0; i < 3; i++) {
            CsvZipThroughput.run(300_000);
        }
        double[] recordsPerSecond = new double[5];
        double[] csvMbPerSecond = new double[5];
        long[] last = null;
        for (int i = 0; i < recordsPerSecond.length; i++) {
            last = CsvZipThroughput.run(1_000_000);
            double seconds = last[3] / 1e9;
            recordsPerSecond[i] = last[0] / seconds;
            csvMbPerSecond[i] = last[1] / MB / seconds;
        }
        System.out.printf(Locale.ROOT, "  median %,.0f records/s, %.1f MB/s of CSV in, %.1f MB/s of zip out (CSV %.1f MB -> zip %.1f MB, %.1fx)%n",
                median(recordsPerSecond), median(csvMbPerSecond),
                median(csvMbPerSecond) * last[2] / last[1], last[1] / MB, last[2] / MB, (double) last[1] / last[2]);
        System.out.println("  runs (records/s): " + Arrays.toString(Arrays.stream(recordsPerSecond).mapToLong(Math::round).toArray()));

        Path root = RepositoryRoot.locate();
        String classpath = root.resolve("bench/target/classes") + ":" + Files.readString(root.resolve("bench/target/classpath.txt")).trim();
        try (MotoServer moto = MotoServer.start(MotoServer.freePort(), Files.createTempFile("bench-moto", ".log"))) {
            LocalAws aws = LocalAws.on(moto);
            Map<String, String> environment = aws.stack().processEnvironmentOf("ExportWorkerFunction");
            String jvmOptions = environment.getOrDefault("JAVA_TOOL_OPTIONS", "");
            System.out.printf("%nWhole export through the worker into emulated S3 (multipart, %s-byte parts), DynamoDB job and%n"
                            + "checkpoints, SES email; fresh JVM per run, -Xmx256m, JAVA_TOOL_OPTIONS from template.yaml: %s%n",
                    environment.get("EXPORT_PART_SIZE_BYTES"), jvmOptions);
            System.out.println("  records      records/s   CSV MB/s   zip MB   live heap (max after full GC, separate runs)");
            for (int size : sizes) {
                List<double[]> speed = new ArrayList<>();
                List<double[]> heap = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    speed.add(probe(classpath, environment, size, "speed"));
                    heap.add(probe(classpath, environment, size, "heap"));
                }
                double[] throughput = speed.stream().mapToDouble(r -> r[0] / r[1]).toArray();
                double[] csvRate = speed.stream().mapToDouble(r -> r[3] / MB / r[1]).toArray();
                double[] live = heap.stream().mapToDouble(r -> r[4] / MB).toArray();
                System.out.printf(Locale.ROOT, "  %,9d   %,11.0f   %8.1f   %6.1f   %.1f MB (runs %s)%n", size,
                        median(throughput), median(csvRate), speed.get(0)[2] / MB, median(live),
                        Arrays.toString(Arrays.stream(live).mapToObj(v -> String.format(Locale.ROOT, "%.1f", v)).toArray()));
            }
        }
    }

    /** {records, seconds, zipBytes, csvBytes, maxLiveHeap} from one probe JVM. */
    private static double[] probe(String classpath, Map<String, String> environment, int records, String mode)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-cp", classpath,
                ExportPipelineProbe.class.getName(), Integer.toString(records), mode).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (System.getenv("HISTO") != null) {
            System.out.println(output);
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("probe failed:\n" + output);
        }
        String[] lines = output.strip().split("\n");
        return Arrays.stream(lines[lines.length - 1].trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
