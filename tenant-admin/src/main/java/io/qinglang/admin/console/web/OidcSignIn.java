package io.qinglang.admin.console.web;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.langtag.LangTag;
import com.nimbusds.langtag.LangTagException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.qinglang.admin.console.application.PendingSignIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The console's OpenID Connect relying party, through the Nimbus SDK: the authorization-code flow with PKCE (S256)
 * against the platform's realm. The answer must repeat the sign-in's {@code state}; the ID token must be signed by the
 * realm's key (RS256, keys from its JWKS), issued by the realm, for this client, unexpired, with the sign-in's
 * {@code nonce}. The provider's endpoints are read once from its discovery document.
 */
@ApplicationScoped
public class OidcSignIn {

    /** How long a call to the identity provider may take to connect, and to answer. */
    private static final int TIMEOUT_MILLIS = 5_000;

    private final Issuer issuer;
    private final ClientID client;
    private volatile Provider provider;

    /** The realm's endpoints and the validator holding its keys. */
    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    /** Who signed in, as the validated ID token says. */
    public record Identity(String subject, Map<String, Object> claims, String idToken) {
    }

    @Inject
    public OidcSignIn(@ConfigProperty(name = "qinglang.keycloak.url") String keycloakUrl,
                      @ConfigProperty(name = "qinglang.keycloak.realm") String realm,
                      @ConfigProperty(name = "qinglang.console.client-id", defaultValue = "qinglang-console") String clientId) {
        this.issuer = new Issuer(keycloakUrl + "/realms/" + realm);
        this.client = new ClientID(clientId);
    }

    /** The identity provider's origin (scheme, host, port), where sign-in and sign-out pages live. */
    public String origin() {
        URI uri = URI.create(issuer.getValue());
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** A new sign-in: fresh state, nonce and PKCE verifier, to be kept until the answer comes. */
    public PendingSignIn begin(String returnTo, String language) {
        return new PendingSignIn(new State().getValue(), new Nonce().getValue(), new CodeVerifier().getValue(),
                returnTo, language);
    }

    /** Where to send the browser: the realm's login page, asking for this sign-in's code. */
    public URI authorizationUri(PendingSignIn pending, URI redirect) {
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "profile", "email", "organization"), client, redirect)
                .endpointURI(provider().metadata().getAuthorizationEndpointURI())
                .state(new State(pending.state())).nonce(new Nonce(pending.nonce()))
                .codeChallenge(new CodeVerifier(pending.codeVerifier()), CodeChallengeMethod.S256);
        try {
            request.uiLocales(List.of(LangTag.parse(pending.language())));
        } catch (LangTagException | RuntimeException e) {
            // the login page then uses its own default language
        }
        return request.build().toURI();
    }

    /** Trades the code for tokens and validates the ID token; refuses anything that does not hold. */
    public Identity complete(PendingSignIn pending, String code, URI redirect) {
        Provider p = provider();
        try {
            TokenRequest request = new TokenRequest(p.metadata().getTokenEndpointURI(), client,
                    new AuthorizationCodeGrant(new AuthorizationCode(code), redirect,
                            new CodeVerifier(pending.codeVerifier())));
            com.nimbusds.oauth2.sdk.http.HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MILLIS);
            http.setReadTimeout(TIMEOUT_MILLIS);
            TokenResponse response = OIDCTokenResponseParser.parse(http.send());
            if (!response.indicatesSuccess()) {
                throw new SignInFailed("the token endpoint refused the code: "
                        + response.toErrorResponse().getErrorObject().getCode());
            }
            JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
            if (idToken == null) {
                throw new SignInFailed("the token endpoint answered without an ID token");
            }
            IDTokenClaimsSet claims = p.validator().validate(idToken, new Nonce(pending.nonce()));
            return new Identity(claims.getSubject().getValue(), claims.toJSONObject(), idToken.serialize());
        } catch (IOException e) {
            throw new SignInFailed("the identity provider could not be reached: " + e.getMessage());
        } catch (ParseException | com.nimbusds.jose.JOSEException | com.nimbusds.jose.proc.BadJOSEException e) {
            throw new SignInFailed("the identity provider's answer did not hold: " + e.getMessage());
        }
    }

    /** Where to send the browser to end its session at the identity provider too, then come back. */
    public URI signOutUri(String idToken, URI afterwards) {
        JWT hint = null;
        try {
            hint = idToken == null ? null : JWTParser.parse(idToken);
        } catch (java.text.ParseException e) {
            // without a hint the identity provider asks the person to confirm
        }
        return new LogoutRequest(provider().metadata().getEndSessionEndpointURI(), hint, afterwards, null).toURI();
    }

    private Provider provider() {
        Provider p = provider;
        if (p == null) {
            synchronized (this) {
                if (provider == null) {
                    provider = discover();
                }
                p = provider;
            }
        }
        return p;
    }

    private Provider discover() {
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer, TIMEOUT_MILLIS, TIMEOUT_MILLIS);
            return new Provider(metadata, new IDTokenValidator(metadata.getIssuer(), client, JWSAlgorithm.RS256,
                    metadata.getJWKSetURI().toURL()));
        } catch (MalformedURLException e) {
            throw new SignInFailed("the identity provider's key set address is malformed: " + e.getMessage());
        } catch (IOException | com.nimbusds.oauth2.sdk.GeneralException e) {
            throw new SignInFailed("the identity provider could not be reached: " + e.getMessage());
        }
    }

    /** The sign-in could not be completed; the reason is for the log, the person sees a plain page. */
    public static final class SignInFailed extends RuntimeException {
        SignInFailed(String reason) {
            super(reason);
        }
    }
}
