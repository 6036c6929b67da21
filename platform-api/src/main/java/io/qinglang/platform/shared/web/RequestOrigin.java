package io.qinglang.platform.shared.web;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the current request comes from, as the HTTP edge determined it (the peer address, or the first
 * forwarded address when the platform is configured to trust its proxy). Rate limits key on it.
 */
@RequestScoped
public class RequestOrigin {

    private String clientAddress = "unknown";

    public String clientAddress() {
        return clientAddress;
    }

    public void clientAddress(String address) {
        this.clientAddress = address;
    }
}
