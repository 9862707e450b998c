package com.salesos.admin.bench;

import com.salesos.admin.emulator.LambdaApi;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.MotoServer;
import com.salesos.admin.invites.BulkInvitationService;
import com.salesos.admin.users.User;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/bench-bulk-invite}: a 5,000-row bulk invitation file through the invites function's
 * real handler (the template's handler class, an HTTP API event with the CSV) against moto, each
 * run into a fresh workspace. Prints the request's time per run and the number of DynamoDB
 * transactions the file takes; asserts nothing. Moto serialises DynamoDB requests behind one lock,
 * so the parallel lanes gain nothing here: the figure is an upper bound for the code path, not a
 * prediction for DynamoDB (docs/invitations.md, "Timing", estimates that).
 */
public final class BulkInviteBench {

    private BulkInviteBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        StringBuilder csv = new StringBuilder("email,name,role,team\r\n");
        for (int i = 0; i < rows; i++) {
            csv.append("person").append(i).append("@bench.test,Person Number ").append(i)
                    .append(i % 3 == 0 ? ",Manager," : ",Sales Rep,").append("\r\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        int batches = (rows + BulkInvitationService.ROWS_PER_BATCH - 1) / BulkInvitationService.ROWS_PER_BATCH;
        System.out.printf(Locale.ROOT, "bulk invite: %,d rows, %,d bytes; %d batch transactions over %d lanes"
                        + " + reservation + close; %d SQS batch calls%n", rows, file.length, batches,
                Math.min(BulkInvitationService.MAX_LANES, batches), (rows + 9) / 10);
        try (MotoServer moto = MotoServer.start(MotoServer.freePort(), Files.createTempFile("bench-moto", ".log"))) {
            LocalAws aws = LocalAws.on(moto);
            long[] millis = new long[runs];
            try (LambdaApi api = new LambdaApi()) {
                for (int run = 0; run < runs; run++) {
                    String ws = "ws-bench-" + run;
                    aws.workspaces().createWorkspace(ws, "Bench " + run, "enterprise", rows + 10);
                    User admin = aws.workspaces().addUser(ws, "usr_bench_" + run, "admin" + run + "@bench-admin.test",
                            "Admin", "admin", null, "Correct-Horse-9-Battery");
                    long started = System.nanoTime();
                    var response = api.callBytes("POST", "/v1/invitations/bulk", file, "text/csv", admin.subject(), Map.of());
                    millis[run] = (System.nanoTime() - started) / 1_000_000;
                    System.out.printf(Locale.ROOT, "  run %d: %d ms, status %d, invited %s%n", run + 1, millis[run],
                            response.status(), response.json().path("invited").asText());
                }
            }
            long[] sorted = millis.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "median %d ms over %d runs (first run includes the handler's warm-up)%n",
                    sorted[runs / 2], runs);
        }
    }
}
