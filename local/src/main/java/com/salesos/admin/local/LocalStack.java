package com.salesos.admin.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/local}: starts the emulator (moto through our launcher, unless AWS_ENDPOINT_URL
 * names another one), creates every resource of template.yaml in it, seeds the demo workspace,
 * serves every function on http://localhost:3000 (PORT) and writes .salesos-local/session.json.
 * Ctrl-C stops everything it started.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        int port = Integer.parseInt(env("PORT", "3000"));
        Path root = com.salesos.admin.emulator.RepositoryRoot.locate();
        Path stateDir = root.resolve(".salesos-local");
        Files.createDirectories(stateDir);

        String external = System.getenv("AWS_ENDPOINT_URL");
        MotoServer moto = external != null && !external.isBlank()
                ? MotoServer.shared()
                : MotoServer.start(Integer.parseInt(env("MOTO_PORT", "4599")), stateDir.resolve("moto.log"));
        // Open Badges ids and signed issuers use the public URL from the template parameter, as in AWS.
        LocalAws aws = LocalAws.on(moto, Map.of("PublicBaseUrl", "http://localhost:" + port));
        LocalServer server = LocalServer.start(aws.stack(), port);
        // Seeded through the functions' own use cases (support provisions, the Admin accepts).
        DemoWorkspace.Seeded seeded = new DemoWorkspace(aws, server.context(), new com.salesos.admin.emulator.SentEmails(moto)).seed();
        // EventBridge Scheduler's stand-in: the scheduled function runs every PLAN_SCHEDULE_SECONDS.
        ScheduledJobs schedules = new ScheduledJobs(java.time.Clock.systemUTC());
        schedules.every(Long.parseLong(env("PLAN_SCHEDULE_SECONDS", "60")));
        // The SQS event source mapping's stand-in: export jobs run as soon as they are queued.
        QueuedJobs queues = new QueuedJobs(aws.stack(), aws.clients().sqs(), java.time.Clock.systemUTC());
        queues.start();
        // Likewise executed workspace deletions, and bulk invitations' emails.
        QueuedJobs deletions = QueuedJobs.deletions(aws.stack(), aws.clients().sqs(), java.time.Clock.systemUTC());
        deletions.start();
        QueuedJobs invitationEmails = QueuedJobs.invitationEmails(aws.stack(), aws.clients().sqs(), java.time.Clock.systemUTC());
        invitationEmails.start();
        // Likewise background deal reassignments.
        QueuedJobs reassignments = QueuedJobs.reassignments(aws.stack(), aws.clients().sqs(), java.time.Clock.systemUTC());
        reassignments.start();

        String apiUrl = "http://localhost:" + port;
        Path session = writeSession(stateDir, apiUrl, moto.endpoint().toString(), aws.userPoolClientId(), seeded,
                supportRoutes(aws.stack().template()));
        // Non-secret wiring (table, pool id, endpoint) for bin/run-schedule and other local tools.
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(stateDir.resolve("environment.json").toFile(), aws.stack().mergedEnvironment());
        // sam local invoke --env-vars (samconfig.toml): each function's variables, reaching this moto from a container.
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(stateDir.resolve("env.json").toFile(), SamLocalEnvironment.of(aws.stack()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            schedules.close();
            queues.close();
            deletions.close();
            invitationEmails.close();
            reassignments.close();
            server.close();
            moto.close();
            stopped.countDown();
        }));
        long readyMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.println(workedExample(apiUrl, moto.endpoint().toString(), root.relativize(session), readyMillis));
        stopped.await();
    }

    /**
     * What the support token may do, read from the template: support's own routes (the support
     * function's routes outside the workspace Admin's {@code /v1/workspace/...}).
     */
    static java.util.List<String> supportRoutes(com.salesos.admin.emulator.SamTemplate template) {
        return template.routes().stream().filter(r -> r.path().startsWith("/v1/support/"))
                .map(r -> r.method() + " " + r.path()).sorted().toList();
    }

    private static Path writeSession(Path stateDir, String apiUrl, String awsEndpoint, String userPoolClientId,
                                     DemoWorkspace.Seeded seeded, java.util.List<String> supportRoutes) throws IOException {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("apiUrl", apiUrl);
        session.put("awsEndpoint", awsEndpoint);
        // What bin/token needs to sign anyone in again once the tokens below expire (after 60 minutes).
        session.put("userPoolClientId", userPoolClientId);
        session.put("workspaceId", seeded.workspaceId());
        session.put("workspaceName", seeded.workspaceName());
        session.put("admin", person(seeded.admin(), false));
        session.put("users", seeded.users().stream().map(p -> person(p, true)).toList());
        Map<String, Object> support = new LinkedHashMap<>();
        support.put("email", seeded.support().email());
        support.put("password", seeded.support().password());
        support.put("accessToken", seeded.support().accessToken());
        // Its powers: the Cognito group its token carries and the routes that group opens (and no workspace route).
        support.put("groups", java.util.List.of("support"));
        support.put("routes", supportRoutes);
        support.put("executeDeletion", "bin/execute-deletion <deletion request id> <workspace id> [--at <executableAt>]");
        session.put("support", support);
        session.put("crm", Map.of("email", seeded.crm().email(), "password", seeded.crm().password(),
                "accessToken", seeded.crm().accessToken()));
        Path file = stateDir.resolve("session.json");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), session);
        return file;
    }

    private static Map<String, Object> person(DemoWorkspace.Person p, boolean withNameAndRole) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", p.id());
        map.put("email", p.email());
        if (withNameAndRole) {
            map.put("name", p.name());
            map.put("role", p.role());
        }
        map.put("password", p.password());
        map.put("accessToken", p.accessToken());
        return map;
    }

    private static String workedExample(String api, String aws, Path session, long readyMillis) {
        return """

                SalesOS Admin is running (ready in %d ms)
                  API           %s   (OpenAPI document: %s/openapi.yml, viewer: %s/docs)
                  emulated AWS  %s   (emails SES accepted: %s/salesos-api/sent-emails)
                  session       %s   (workspace, people, passwords, fresh access tokens)
                  tokens last 60 minutes; a fresh one: bin/token [email | crm | support] (default: the admin)

                Try it:
                  TOKEN=$(bin/token)
                  curl -s -X POST %s/v1/invitations -H "Authorization: Bearer $TOKEN" \\
                       -H 'Content-Type: application/json' -H 'Idempotency-Key: demo-1' \\
                       -d '{"email":"new.rep@example.com","name":"New Rep","role":"Sales Rep","teamId":"team-west"}'
                  # the invitation email, as SES received it:
                  curl -s %s/salesos-api/sent-emails | python3 -c 'import json,sys;[print(m["body"]) for m in json.load(sys.stdin)["emails"]]'
                  # accept it with the token from the link:
                  curl -s -X POST %s/v1/invitations/accept -H 'Content-Type: application/json' \\
                       -d '{"token":"<token from the link>","password":"Choose-a-Passw0rd!"}'
                  curl -s %s/v1/invitations -H "Authorization: Bearer $TOKEN"
                  # bulk invite from a CSV file; the report comes back at once, the emails from the queue:
                  printf 'email,name,role,team\\r\\nana@example.com,Ana Lima,Sales Rep,team-west\\r\\nbad-address,Bo,manager,\\r\\n' > team.csv
                  curl -s -X POST %s/v1/invitations/bulk -H "Authorization: Bearer $TOKEN" \\
                       -H 'Content-Type: text/csv' -H 'Idempotency-Key: demo-bulk-1' --data-binary @team.csv
                  # plan downgrades apply at the end of the period; watch one apply now:
                  curl -s -X POST %s/v1/billing/plan-changes -H "Authorization: Bearer $TOKEN" \\
                       -H 'Content-Type: application/json' -d '{"tier":"starter"}'
                  bin/run-schedule --at <effectiveAt from the answer>
                  # (--at also moves the workspace's billing period to that time: a later upgrade is then
                  #  prorated from there, i.e. charged in full; restart bin/local for a fresh period)
                  # export everything; the worker runs from the queue at once, then emails the admin:
                  curl -s -X POST %s/v1/exports -H "Authorization: Bearer $TOKEN" \\
                       -H 'Content-Type: application/json' -d '{"entities":["deals","leads","users","activities"]}'
                  curl -s %s/v1/exports/<id from the answer> -H "Authorization: Bearer $TOKEN"
                  curl -s -L -o export.zip %s/v1/exports/<id>/download -H "Authorization: Bearer $TOKEN" && unzip -l export.zip
                  # activities come only from the CRM's machine identity (a person's token gets 403):
                  CRM=$(bin/token crm)
                  curl -s -X POST %s/v1/gamification/activities -H "Authorization: Bearer $CRM" \\
                       -H 'Content-Type: application/json' \\
                       -d '{"id":"crm-act-1","userId":"usr_demo_rep","type":"DEAL_WON","occurredAt":"'$(date -u +%%FT%%TZ)'","value":{"amount":2500000,"currency":"EUR"}}'
                  curl -s %s/v1/users/usr_demo_rep/points -H "Authorization: Bearer $TOKEN"
                  # support provisions workspaces (the first Admin is invited) and deletes them (docs/support.md):
                  SUPPORT=$(bin/token support)
                  curl -s -X POST %s/v1/support/workspaces -H "Authorization: Bearer $SUPPORT" \\
                       -H 'Content-Type: application/json' \\
                       -d '{"name":"Globex","tier":"business","admin":{"email":"hank@globex.test","name":"Hank"},"ticket":"SUP-1"}'
                  curl -s %s/v1/support/workspaces -H "Authorization: Bearer $SUPPORT"
                  # delete a workspace (docs/local.md walks through all of it): support opens, an Admin confirms
                  # by the exact name, support executes after the waiting period (72 h; travel past it with --at):
                  curl -s -X POST %s/v1/support/workspaces/<workspace id>/deletion-requests -H "Authorization: Bearer $SUPPORT" \\
                       -H 'Content-Type: application/json' -d '{"ticket":"SUP-2","reason":"Customer asked"}'
                  curl -s -X POST %s/v1/workspace/deletion-requests/<id>/confirm -H "Authorization: Bearer <its Admin's token>" \\
                       -H 'Content-Type: application/json' -d '{"workspaceName":"<its exact name>"}'
                  bin/execute-deletion <id> <workspace id> --at <executableAt from the answer>
                  curl -s %s/v1/support/deletion-requests/<id> -H "Authorization: Bearer $SUPPORT"   # done, with counts

                Ctrl-C stops the server and the emulator.
                """.formatted(readyMillis, api, api, api, aws, aws, session, api, aws, api, api, api, api, api, api,
                        api, api, api, api, api, api, api, api);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
