package com.salesos.admin.local;

import com.salesos.admin.emulator.WorkspaceProvisioner;
import com.salesos.admin.emulator.CognitoSignIn;
import com.salesos.admin.emulator.CrmAccount;
import com.salesos.admin.invites.AccountDirectory;
import com.salesos.admin.common.EmailAddress;
import com.salesos.admin.users.User;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seeded demo workspace: a team plan with 10 seats, an Admin, a Manager and a Sales Rep in two
 * teams, and some deals, leads and activities that they own. Passwords are random on every start
 * and only ever written to the git-ignored session file.
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

    private final WorkspaceProvisioner provisioner;
    private final AccountDirectory accounts;
    private final CognitoSignIn signIn;
    private final java.util.function.Function<String, CrmAccount> crmAccounts;
    private final SecureRandom random = new SecureRandom();

    /** {@code crmAccounts} opens a workspace's CRM identity (e.g. {@code LocalAws::openCrmAccount}). */
    public DemoWorkspace(WorkspaceProvisioner provisioner, AccountDirectory accounts, CognitoSignIn signIn,
                         java.util.function.Function<String, CrmAccount> crmAccounts) {
        this.provisioner = provisioner;
        this.accounts = accounts;
        this.signIn = signIn;
        this.crmAccounts = crmAccounts;
    }

    public Seeded seed() {
        provisioner.createWorkspace(ID, NAME, "team", SEAT_LIMIT);
        provisioner.addTeam(ID, "team-east", "East");
        provisioner.addTeam(ID, "team-west", "West");
        List<Person> people = new ArrayList<>();
        people.add(person("usr_demo_admin", "admin@acme-demo.test", "Ada Admin", "admin", null));
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

        String supportPassword = password();
        EmailAddress supportEmail = EmailAddress.parse("support@salesos.test").orElseThrow();
        accounts.open(supportEmail, supportPassword, Optional.empty());
        Person support = new Person(null, supportEmail.value(), "SalesOS Support", "support", supportPassword,
                signIn.accessToken(supportEmail.value(), supportPassword));
        // Locally the CRM signs in with a password: the emulator has no client-credentials endpoint.
        CrmAccount crmAccount = crmAccounts.apply(ID);
        Crm crm = new Crm(crmAccount.email(), crmAccount.password(),
                signIn.accessToken(crmAccount.email(), crmAccount.password()));
        return new Seeded(ID, NAME, people.get(0), List.copyOf(people), support, crm);
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
