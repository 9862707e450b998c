package com.salesos.admin.local.deploy;

/**
 * One AWS call a function made in the tests, as emulator's AwsCallRecorder wrote it: the IAM action
 * and deployed resource ARN it needs, whether the function's code or Lambda's event source mapping
 * made it, the SDK operation and the test class.
 */
public record RecordedCall(String function, String principal, String operation, String action, String resource, String test) {
}
