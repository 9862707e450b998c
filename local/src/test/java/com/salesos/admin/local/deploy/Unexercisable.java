package com.salesos.admin.local.deploy;

import java.util.List;

/**
 * Actions a function's policy grants that no test can make, each with the reason. The IAM check
 * accepts a granted action that no recorded call uses only if it is listed here, and rejects an
 * entry once a test does make the call (or the grant is gone), so the list stays true.
 */
public record Unexercisable(String function, String action, String reason) {

    public static final List<Unexercisable> KNOWN = List.of(
            new Unexercisable("ExportWorkerFunction", "s3:AbortMultipartUpload",
                    "aborts the open upload of a job given up from the dead-letter queue after it had uploaded a part;"
                            + " the tests give up only a job that failed before its first part (missing bucket)"),
            new Unexercisable("ExportWorkerFunction", "s3:GetObject",
                    "the HEAD that recognises an upload completed before a crash: only when CompleteMultipartUpload answers"
                            + " NoSuchUpload on a retry, and no fault test crashes between completing and saving the job"));
}
