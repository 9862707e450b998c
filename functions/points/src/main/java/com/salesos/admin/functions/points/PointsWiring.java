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
import com.salesos.admin.points.PointsService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/** The points function's use cases: point settings, scoring, badges and awards. */
@Factory
public class PointsWiring {

    @Singleton
    PointsSettings settings() {
        return PointsSettings.fromEnvironment();
    }

    /** The API's public base URL (PointsSettings keeps it without a trailing slash), for the controllers' links. */
    public record PublicBaseUrl(String value) {
    }

    @Singleton
    PublicBaseUrl publicBaseUrl(PointsSettings settings) {
        return new PublicBaseUrl(settings.publicBaseUrl());
    }

    @Singleton
    CredentialIssuer credentialIssuer(PublicBaseUrl baseUrl, WorkspaceDirectory workspaces, KmsJwtSigner signer, JsonMapper json) {
        return new SignedCredentials(baseUrl.value(), workspaces, signer, json);
    }

    @Singleton
    BadgeStore badgeStore(DynamoDbClient dynamo, PointsSettings settings, DynamoAuditLog auditLog) {
        return new DynamoBadgeStore(dynamo, settings.shared().tableName(), auditLog);
    }

    @Singleton
    PlanFeatures planFeatures(PlanCatalog catalog, PlanStore plans) {
        return new PlanFeatures(catalog, plans);
    }

    @Singleton
    PointsService pointsService(DynamoDbClient dynamo, PointsSettings settings, DynamoSeatLedger seats,
                                DynamoAuditLog auditLog, BadgeStore badges, PlanFeatures features,
                                CredentialIssuer credentials, Clock clock) {
        DynamoPointsLedger ledger = new DynamoPointsLedger(dynamo, settings.shared().tableName());
        return new PointsService(new DynamoPointSettingsStore(dynamo, settings.shared().tableName(), auditLog), ledger,
                new DynamoUserStore(dynamo, settings.shared().tableName(), seats, auditLog),
                new BadgeAwarding(badges, ledger, features, credentials, clock), clock);
    }

    @Singleton
    BadgeService badgeService(BadgeStore badges, PlanFeatures features, PointsSettings settings, AwsClients clients,
                              IdGenerator ids, Clock clock) {
        return new BadgeService(badges, features, new S3BadgeImages(S3Clients.presigner(clients), settings.badgesBucket()),
                ids, clock);
    }

    @Singleton
    KmsJwtSigner credentialSigner(PointsSettings settings, AwsClients clients) {
        KmsClient kms = clients.client(KmsClient.class, KmsClient::builder, "KMS");
        return new KmsJwtSigner(kms, settings.badgeSigningKeyId());
    }
}
