package dev.aiconform.core.internal.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** How connection failures are told and which of them another attempt may not meet. */
class ApiServerTest {
  @Test
  void namesTheHostThatDoesNotResolve() {
    Throwable dns = new CompletionException(new UnknownHostException("api.nowhere.example"));

    assertThat(ApiServer.rootCause(dns)).isEqualTo("unknown host api.nowhere.example");
    assertThat(ApiServer.describe(dns))
        .isEqualTo("connection failed: unknown host api.nowhere.example");
  }

  @Test
  void tellsARefusedConnectionByItsOwnMessage() {
    Throwable refused = new CompletionException(new ConnectException("Connection refused"));

    assertThat(ApiServer.rootCause(refused)).isEqualTo("Connection refused");
    assertThat(ApiServer.isTransient(refused)).isTrue();
  }

  @Test
  void doesNotRetryACertificateTheClientDoesNotTrust() {
    SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
    untrusted.initCause(new CertificateException("unable to find valid certification path"));

    assertThat(ApiServer.isTransient(untrusted)).isFalse();
  }
}
