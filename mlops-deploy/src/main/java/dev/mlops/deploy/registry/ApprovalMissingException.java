package dev.mlops.deploy.registry;

/**
 * A promotion to production was refused because the version lacks the approvals its
 * {@link ApprovalPolicy} requires. The message names the principal, the action, the version and
 * what is missing; the refusal is written to the registry's audit log before this is thrown.
 */
public class ApprovalMissingException extends RegistryException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the refusal.
     *
     * @param message the full, user-facing message naming principal, version and what is missing
     */
    public ApprovalMissingException(String message) {
        super(message);
    }
}
