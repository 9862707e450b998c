package com.salesos.admin.emulator;

import com.salesos.admin.aws.invites.CognitoAccountDirectory;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.emulator.WorkspaceProvisioner;
import com.salesos.admin.common.TimeOrderedIds;
import com.salesos.admin.invites.AccountDirectory;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A freshly provisioned emulated AWS account: the moto server of this JVM, reset, with every
 * resource of template.yaml created, and the functions' environment applied as system properties.
 * Tests take one per test class.
 */
public final class LocalAws {

    public static final String REGION = "us-east-1";

    private final ProvisionedStack stack;
    private final EmulatorClients clients;
    private final DynamoDbClient dynamo;
    private final CognitoIdentityProviderClient cognito;

    private LocalAws(ProvisionedStack stack, EmulatorClients clients) {
        this.stack = stack;
        this.clients = clients;
        this.dynamo = clients.dynamoDb();
        this.cognito = clients.cognito();
    }

    public static LocalAws fresh() {
        MotoServer moto = MotoServer.shared();
        moto.reset();
        return on(moto);
    }

    public static LocalAws on(MotoServer moto) {
        return on(moto, Map.of());
    }

    /** With template parameters set as {@code sam deploy --parameter-overrides} would (e.g. PublicBaseUrl). */
    public static LocalAws on(MotoServer moto, Map<String, String> parameters) {
        EmulatorClients clients = new EmulatorClients(moto.endpoint(), REGION);
        ProvisionedStack stack = new StackProvisioner(SamTemplate.ofRepository().withParameters(parameters), clients).provision();
        stack.applyAsSystemProperties();
        com.salesos.admin.emulator.calls.DeployedNames.provisioned(stack);
        return new LocalAws(stack, clients);
    }

    public ProvisionedStack stack() {
        return stack;
    }

    public EmulatorClients clients() {
        return clients;
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public String tableName() {
        return stack.physicalId("AdminTable");
    }

    public String userPoolId() {
        return stack.physicalId("UserPool");
    }

    public String userPoolClientId() {
        return stack.physicalId("UserPoolClient");
    }

    public AccountDirectory accounts() {
        return new CognitoAccountDirectory(cognito, userPoolId());
    }

    public WorkspaceProvisioner workspaces() {
        Clock clock = Clock.systemUTC();
        return new WorkspaceProvisioner(dynamo, tableName(), accounts(),
                new DynamoAuditLog(tableName(), new TimeOrderedIds(clock, new SecureRandom())), clock);
    }

    /**
     * Opens the CRM's machine identity for a workspace: a pool account (random password) in the
     * template's CRM group, registered for the workspace in the table.
     */
    public CrmAccount openCrmAccount(String workspaceId) {
        String email = "crm@" + workspaceId + ".salesos.test";
        String password = CrmAccount.randomPassword();
        var opening = accounts().open(com.salesos.admin.common.EmailAddress.parse(email).orElseThrow(), password,
                java.util.Optional.empty());
        String subject = opening instanceof AccountDirectory.Opening.Opened opened
                ? opened.subject() : ((AccountDirectory.Opening.AlreadyRegistered) opening).subject();
        cognito.adminAddUserToGroup(r -> r.userPoolId(userPoolId()).username(email).groupName(stack.physicalId("CrmGroup")));
        workspaces().registerCrmIdentity(workspaceId, subject, java.util.Optional.of(email));
        return new CrmAccount(workspaceId, subject, email, password);
    }

    /**
     * Opens a support staff account: a pool account in the {@code support} group (template.yaml:
     * SupportGroup), which only pool administrators can grant. Answers its subject.
     */
    public String openSupportAccount(String email, String password) {
        var opening = accounts().open(com.salesos.admin.common.EmailAddress.parse(email).orElseThrow(), password,
                java.util.Optional.empty());
        String subject = opening instanceof AccountDirectory.Opening.Opened opened
                ? opened.subject() : ((AccountDirectory.Opening.AlreadyRegistered) opening).subject();
        cognito.adminAddUserToGroup(r -> r.userPoolId(userPoolId()).username(email).groupName(stack.physicalId("SupportGroup")));
        return subject;
    }

    public CognitoSignIn signIn() {
        return new CognitoSignIn(cognito, userPoolClientId());
    }
}
