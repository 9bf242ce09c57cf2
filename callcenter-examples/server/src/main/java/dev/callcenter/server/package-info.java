/**
 * The example server: {@link dev.callcenter.server.CallCenterServer} and its {@link dev.callcenter.server.ServerSettings}.
 * Everything else in this package is package-private machinery.
 */
@NullMarked
package dev.callcenter.server;

import org.jspecify.annotations.NullMarked;
