package io.qinglang.admin.console.application;

/**
 * A sign-in under way, between the redirect to the identity provider and its answer: what the answer must repeat
 * ({@code state}), what the ID token must carry ({@code nonce}), the PKCE verifier, and where to go afterwards.
 */
public record PendingSignIn(String state, String nonce, String codeVerifier, String returnTo, String language) {
}
