package com.salesos.admin.local;

import com.salesos.admin.access.SupportStaff;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.support.DynamoWorkspaceRegistry;
import com.salesos.admin.common.IdGenerator;
import com.salesos.admin.emulator.CognitoSignIn;
import com.salesos.admin.emulator.CrmAccount;
import com.salesos.admin.emulator.LocalAws;
import com.salesos.admin.emulator.SentEmails;
import com.salesos.admin.emulator.WorkspaceProvisioner;
import com.salesos.admin.invites.InvitationService;
import com.salesos.admin.plans.PlanCatalog;
import com.salesos.admin.support.ProvisionRequest;
import com.salesos.admin.support.WorkspaceProvisioning;
import com.salesos.admin.users.User;
import io.micronaut.context.ApplicationContext;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seeded demo workspace: a team plan with 10 seats, an Admin, a Manager and a Sales Rep in two
 * teams, and some deals, leads and activities that they own. Passwords are random on every start
 * and only ever written to the git-ignored session file.
 *
 * <p>The workspace is made as support makes every workspace: the support staff member provisions
 * it through the provisioning use case, which invites the Admin by email, and the Admin accepts
 * the link from that email through the invitation use case. The other people and the CRM records
 * are demo data, written directly.
 */
public final class DemoWorkspace {

    public static final String ID = "ws-demo";
    public static final String NAME = "Acme Demo";
    public static final long SEAT_LIMIT = 10;

    /** A seeded person and a fresh access token. */
    public record Person(String id, String email, String name, String role, String password, String accessToken) {
    }

    /** The workspace's CRM machine identity and a fresh access token (the only token that may post activities). */
    public record Crm(String email, String password, String accessToken) {
    }

    public record Seeded(String workspaceId, String workspaceName, Person admin, List<Person> users, Person support, Crm crm) {
    }

    private final LocalAws aws;
    private final ApplicationContext functions;
    private final SentEmails emails;
    private final WorkspaceProvisioner provisioner;
    private final CognitoSignIn signIn;
    private final SecureRandom random = new SecureRandom();

    /** {@code functions}: the context hosting every function (the local server's), whose use cases seed. */
    public DemoWorkspace(LocalAws aws, ApplicationContext functions, SentEmails emails) {
        this.aws = aws;
        this.functions = functions;
        this.emails = emails;
        this.provisioner = aws.workspaces();
        this.signIn = aws.signIn();
    }

    public Seeded seed() {
        String supportPassword = password();
        String supportEmail = "support@salesos.test";
        SupportStaff staff = new SupportStaff(aws.openSupportAccount(supportEmail, supportPassword));
        Person support = new Person(null, supportEmail, "SalesOS Support", "support", supportPassword,
                signIn.accessToken(supportEmail, supportPassword));

        List<Person> people = new ArrayList<>();
        people.add(provisionedAdmin(staff, "admin@acme-demo.test", "Ada Admin"));
        provisioner.addTeam(ID, "team-east", "East");
        provisioner.addTeam(ID, "team-west", "West");
        people.add(person("usr_demo_manager", "manager@acme-demo.test", "Max Manager", "manager", "team-east"));
        people.add(person("usr_demo_rep", "rep@acme-demo.test", "Remy Rep", "sales-rep", "team-east"));

        String[][] deals = {
                {"deal-1", "Globex renewal", "1250000", "negotiation", "usr_demo_rep"},
                {"deal-2", "Initech expansion", "480000", "proposal", "usr_demo_rep"},
                {"deal-3", "Umbrella pilot", "95000", "won", "usr_demo_manager"},
                {"deal-4", "Hooli, \"platform\" deal", "2200000", "qualification", "usr_demo_rep"}};
        for (String[] d : deals) {
            provisioner.addRecord(ID, "deal", d[0], d[4], Map.of("name", d[1], "amount", d[2], "currency", "EUR", "stage", d[3]));
        }
        String[][] leads = {
                {"lead-1", "Dana Scully", "dana@fbi.test", "usr_demo_rep"},
                {"lead-2", "Jürgen Müller", "jm@example.de", "usr_demo_rep"},
                {"lead-3", "=HYPERLINK(\"http://x\")", "formula@example.test", "usr_demo_manager"}};
        for (String[] l : leads) {
            provisioner.addRecord(ID, "lead", l[0], l[3], Map.of("name", l[1], "email", l[2]));
        }
        String[][] activities = {
                {"act-1", "LEAD_CREATED", "usr_demo_rep"}, {"act-2", "CALL_LOGGED", "usr_demo_rep"},
                {"act-3", "MEETING_HELD", "usr_demo_manager"}, {"act-4", "DEAL_WON", "usr_demo_manager"},
                {"act-5", "EMAIL_SENT", "usr_demo_rep"}};
        for (String[] a : activities) {
            provisioner.addRecord(ID, "activity", a[0], a[2], Map.of("activityType", a[1]));
        }

        // Locally the CRM signs in with a password: the emulator has no client-credentials endpoint.
        CrmAccount crmAccount = aws.openCrmAccount(ID);
        Crm crm = new Crm(crmAccount.email(), crmAccount.password(),
                signIn.accessToken(crmAccount.email(), crmAccount.password()));
        return new Seeded(ID, NAME, people.get(0), List.copyOf(people), support, crm);
    }

    /**
     * Support provisions the workspace (the use case and invitation use case the support and
     * invites functions run), and the Admin accepts the emailed link. The demo keeps its well-known
     * id ({@value #ID}) so that docs and sample events can name it: only the workspace id is fixed.
     */
    private Person provisionedAdmin(SupportStaff staff, String email, String name) {
        IdGenerator generated = functions.getBean(IdGenerator.class);
        IdGenerator ids = prefix -> prefix.equals("ws") ? ID : generated.newId(prefix);
        WorkspaceProvisioning provisioning = new WorkspaceProvisioning(
                new DynamoWorkspaceRegistry(aws.dynamo(), aws.tableName(), functions.getBean(DynamoAuditLog.class)),
                functions.getBean(PlanCatalog.class), functions.getBean(InvitationService.class), ids,
                functions.getBean(java.time.Clock.class));
        provisioning.provision(staff, new ProvisionRequest(NAME, "team", SEAT_LIMIT, email, name, "DEMO-SEED"),
                Optional.of("demo-workspace"));
        String password = password();
        User admin = functions.getBean(InvitationService.class).accept(emails.latestInvitationToken(email), password);
        return new Person(admin.id(), email, name, "admin", password, signIn.accessToken(email, password));
    }

    private Person person(String id, String email, String name, String role, String teamId) {
        String password = password();
        User user = provisioner.addUser(ID, id, email, name, role, teamId, password);
        return new Person(user.id(), email, name, role, password, signIn.accessToken(email, password));
    }

    /** 20 random characters plus one of each class the pool's password policy requires. */
    private String password() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.append("Aa1!").toString();
    }
}
