package com.salesos.admin.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.salesos.admin.config.SharedSettings;
import com.salesos.admin.emulator.SamTemplate;
import com.salesos.admin.functions.exports.ExportsSettings;
import com.salesos.admin.functions.exportworker.ExportWorkerSettings;
import com.salesos.admin.functions.reassignmentworker.ReassignmentWorkerSettings;
import com.salesos.admin.functions.invites.InvitesSettings;
import com.salesos.admin.functions.invitationsender.InvitationSenderSettings;
import com.salesos.admin.functions.support.SupportSettings;
import com.salesos.admin.functions.deletionworker.DeletionWorkerSettings;
import com.salesos.admin.functions.plandowngrades.PlanDowngradesSettings;
import com.salesos.admin.functions.plans.PlansSettings;
import com.salesos.admin.functions.points.PointsSettings;
import com.salesos.admin.functions.users.UsersSettings;
import com.salesos.admin.local.EnvironmentChecker.Reads;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Deploy readiness: every environment variable a function's code reads is set for that function in
 * template.yaml, and none is set that it does not read. What a function reads is its settings
 * record's VARIABLES, which SettingsReader holds to what the record actually reads.
 */
class EnvironmentContractTest {

    /** Each function of template.yaml and its settings record. */
    static final Map<String, Reads> READS = Map.ofEntries(
            Map.entry("InvitesFunction", Reads.of(InvitesSettings.class, InvitesSettings.VARIABLES)),
            Map.entry("InvitationSenderFunction", Reads.of(InvitationSenderSettings.class, InvitationSenderSettings.VARIABLES)),
            Map.entry("UsersFunction", Reads.of(UsersSettings.class, UsersSettings.VARIABLES)),
            Map.entry("PlansFunction", Reads.of(PlansSettings.class, PlansSettings.VARIABLES)),
            Map.entry("PlanDowngradesFunction", Reads.of(PlanDowngradesSettings.class, PlanDowngradesSettings.VARIABLES)),
            Map.entry("PointsFunction", Reads.of(PointsSettings.class, PointsSettings.VARIABLES)),
            Map.entry("ExportsFunction", Reads.of(ExportsSettings.class, ExportsSettings.VARIABLES)),
            Map.entry("ExportWorkerFunction", Reads.of(ExportWorkerSettings.class, ExportWorkerSettings.VARIABLES)),
            Map.entry("SupportFunction", Reads.of(SupportSettings.class, SupportSettings.VARIABLES)),
            Map.entry("DeletionWorkerFunction", Reads.of(DeletionWorkerSettings.class, DeletionWorkerSettings.VARIABLES)),
            Map.entry("ReassignmentWorkerFunction", Reads.of(ReassignmentWorkerSettings.class, ReassignmentWorkerSettings.VARIABLES)));

    @Test
    void every_function_is_given_exactly_the_variables_its_settings_record_reads() {
        EnvironmentChecker checker = new EnvironmentChecker(READS, SharedSettings.READ_BY_THE_JVM);

        assertThat(checker.mistakes(SamTemplate.ofRepository())).isEmpty();
    }

    @Test
    void functions_that_send_no_mail_or_never_call_cognito_are_not_given_their_settings() {
        // The restructuring issue's case, stated directly: only invites, the invitation sender, support (the first Admin's
        // invitation, deletion notices) and the export worker mail; only invites, users, support and
        // the deletion worker (which closes a deleted workspace's accounts) build on Cognito.
        SamTemplate template = SamTemplate.ofRepository();
        for (SamTemplate.Function function : template.functions()) {
            boolean mails = Set.of("InvitesFunction", "InvitationSenderFunction", "ExportWorkerFunction", "SupportFunction").contains(function.logicalId());
            boolean cognito = Set.of("InvitesFunction", "UsersFunction", "SupportFunction", "DeletionWorkerFunction").contains(function.logicalId());
            String name = function.logicalId();
            assertThat(function.environment().containsKey("SENDER_ADDRESS")).as("%s is given SENDER_ADDRESS", name).isEqualTo(mails);
            assertThat(function.environment().containsKey("APP_URL")).as("%s is given APP_URL", name).isEqualTo(mails);
            assertThat(function.environment().containsKey("USER_POOL_ID")).as("%s is given USER_POOL_ID", name).isEqualTo(cognito);
        }
    }
}
