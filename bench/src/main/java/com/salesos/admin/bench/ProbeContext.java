package com.salesos.admin.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.util.UUID;

/** The Lambda context a probe passes to a handler: a fresh request id per invocation, like the runtime. */
final class ProbeContext implements Context {

    private final String requestId = UUID.randomUUID().toString();

    public String getAwsRequestId() {
        return requestId;
    }

    public String getLogGroupName() {
        return "/aws/lambda/bench";
    }

    public String getLogStreamName() {
        return "bench";
    }

    public String getFunctionName() {
        return "bench";
    }

    public String getFunctionVersion() {
        return "$LATEST";
    }

    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:bench";
    }

    public CognitoIdentity getIdentity() {
        return null;
    }

    public ClientContext getClientContext() {
        return null;
    }

    public int getRemainingTimeInMillis() {
        return 20_000;
    }

    public int getMemoryLimitInMB() {
        return 1024;
    }

    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            public void log(String message) {
                System.out.print(message);
            }

            public void log(byte[] message) {
                System.out.write(message, 0, message.length);
            }
        };
    }
}
