package com.salesos.admin.functions.plandowngrades;

import com.salesos.admin.invites.AbandonedBulkFiles;
import com.salesos.admin.metrics.BusinessMetrics;
import com.salesos.admin.plans.PlanScheduler;
import com.salesos.admin.runtime.CurrentInvocation;
import com.salesos.admin.runtime.LogContext;
import com.salesos.admin.runtime.LogLine;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Invoked by EventBridge Scheduler (every 15 minutes in template.yaml): applies due downgrades and
 * records charges the gateway missed. The input is ignored; running twice does nothing twice.
 * Logs one JSON line per run and counts each applied downgrade (EMF, DowngradesApplied).
 */
public class PlanDowngradesHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

    // Field injection: the Lambda runtime builds this class with its no-arg constructor.
    @Inject
    PlanScheduler scheduler;
    @Inject
    CurrentInvocation invocation;
    @Inject
    AbandonedBulkFiles abandonedBulkFiles;
    @Inject
    BusinessMetrics metrics;

    public PlanDowngradesHandler() {
    }

    /** For tests and the local stack: the same handler on a context they configure (e.g. their clock). */
    public PlanDowngradesHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    public Map<String, Object> execute(Map<String, Object> input) {
        LogContext.begin(invocation.context(), null, null);
        PlanScheduler.Run run = scheduler.run();
        // One line per workspace, so Logs Insights can say whose; a downgrade another run applied counts there.
        run.applied().forEach(metrics::downgradeApplied);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("applied", run.applied());
        report.put("alreadyApplied", run.alreadyApplied());
        report.put("failed", run.failed());
        report.put("chargesRecorded", run.chargesRecorded());
        report.put("chargesFailed", run.chargesFailed());
        report.put("finished", run.finished());
        // The sweep for abandoned bulk invitation files (docs/invitations.md): seats nobody will use go back.
        int released = abandonedBulkFiles.release();
        report.put("bulkFilesReleased", released);
        LogLine.of("schedule").message("plan downgrades run: " + run.applied().size() + " applied, "
                        + run.failed().size() + " failed")
                .with("job", "plan-downgrades").with("applied", run.applied().size())
                .with("alreadyApplied", run.alreadyApplied().size()).with("failed", run.failed().size())
                .with("failedWorkspaces", run.failed()).with("chargesRecorded", run.chargesRecorded())
                .with("chargesFailed", run.chargesFailed().size()).with("finished", String.valueOf(run.finished()))
                .with("bulkFilesReleased", released)
                .writeTo(System.out);
        LogContext.end();
        return report;
    }
}
