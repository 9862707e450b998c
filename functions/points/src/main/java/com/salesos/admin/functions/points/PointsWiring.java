package com.salesos.admin.functions.points;

import com.salesos.admin.aws.clients.AwsClients;
import com.salesos.admin.aws.clients.S3Clients;
import com.salesos.admin.aws.audit.DynamoAuditLog;
import com.salesos.admin.aws.badges.DynamoBadgeStore;
import com.salesos.admin.badges.BadgeAwarding;
import com.salesos.admin.badges.BadgeService;
import com.salesos.admin.badges.BadgeStore;
import com.salesos.admin.badges.CredentialIssuer;
import com.salesos.admin.workspaces.WorkspaceDirectory;
import io.micronaut.json.JsonMapper;
import com.salesos.admin.badges.PlanFeatures;
import com.salesos.admin.common.IdGenerator;
import com.salesos.admin.plans.PlanCatalog;
import com.salesos.admin.plans.PlanStore;
import com.salesos.admin.aws.points.DynamoPointSettingsStore;
import com.salesos.admin.aws.points.DynamoPointsLedger;
import com.salesos.admin.aws.workspaces.DynamoSeatLedger;
import com.salesos.admin.aws.users.DynamoUserStore;
import com.salesos.admin.config.RuntimeSettings;
import com.salesos.admin.points.PointsService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/** The points function's use cases: point settings, scoring, badges and awards. */
@Factory
public class PointsWiring {

    /** Set by template.yaml on this function only: the KMS key that signs Open Badges credentials. */
    public static final String BADGE_SIGNING_KEY_ID = "BADGE_SIGNING_KEY_ID";
    /** Set by template.yaml on this function only: the private bucket that holds badge images. */
    public static final String BADGES_BUCKET = "BADGES_BUCKET";
    /**
     * Set by template.yaml on this function only (parameter PublicBaseUrl): the public base URL of
     * the API. Open Badges ids and the signed issuer come from it, never from request headers.
     */
    public static final String PUBLIC_BASE_URL = "PUBLIC_BASE_URL";

    /** The configured public base URL, without a trailing slash. */
    public record PublicBaseUrl(String value) {
        public PublicBaseUrl {
            value = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        }
    }

    @Singleton
    PublicBaseUrl publicBaseUrl() {
        return new PublicBaseUrl(RuntimeSettings.required(PUBLIC_BASE_URL));
    }

    @Singleton
    CredentialIssuer credentialIssuer(PublicBaseUrl baseUrl, WorkspaceDirectory workspaces, KmsJwtSigner signer, JsonMapper json) {
        return new SignedCredentials(baseUrl.value(), workspaces, signer, json);
    }

    @Singleton
    BadgeStore badgeStore(DynamoDbClient dynamo, RuntimeSettings settings, DynamoAuditLog auditLog) {
        return new DynamoBadgeStore(dynamo, settings.tableName(), auditLog);
    }

    @Singleton
    PlanFeatures planFeatures(PlanCatalog catalog, PlanStore plans) {
        return new PlanFeatures(catalog, plans);
    }

    @Singleton
    PointsService pointsService(DynamoDbClient dynamo, RuntimeSettings settings, DynamoSeatLedger seats,
                                DynamoAuditLog auditLog, BadgeStore badges, PlanFeatures features,
                                CredentialIssuer credentials, Clock clock) {
        DynamoPointsLedger ledger = new DynamoPointsLedger(dynamo, settings.tableName());
        return new PointsService(new DynamoPointSettingsStore(dynamo, settings.tableName(), auditLog), ledger,
                new DynamoUserStore(dynamo, settings.tableName(), seats, auditLog),
                new BadgeAwarding(badges, ledger, features, credentials, clock), clock);
    }

    @Singleton
    BadgeService badgeService(BadgeStore badges, PlanFeatures features, AwsClients clients, IdGenerator ids, Clock clock) {
        return new BadgeService(badges, features, new S3BadgeImages(S3Clients.presigner(clients), RuntimeSettings.required(BADGES_BUCKET)),
                ids, clock);
    }

    @Singleton
    KmsJwtSigner credentialSigner(AwsClients clients) {
        KmsClient kms = clients.configure(KmsClient.builder(), "KMS").build();
        return new KmsJwtSigner(kms, RuntimeSettings.required(BADGE_SIGNING_KEY_ID));
    }
}
