package dev.callcenter.sip;

import dev.callcenter.core.InvalidInputException;
import dev.callcenter.core.internal.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Something that happened on the telephony side, as a transport reports it to its {@link TelephonyListener}. */
public sealed interface TelephonyEvent {
  /**
   * A new inbound call rings; the listener answers it with {@link Telephony#answer} or refuses it with
   * {@link Telephony#hangUp}.
   *
   * @param from the caller: a phone number in any format, or a SIP user
   * @param displayName the caller's display name, if the transport knows one
   * @param to what the caller dialled
   * @param remoteAddress where the call came from (an IP address), if known
   */
  record CallOffered(ChannelId channel, String from, @Nullable String displayName, String to,
      @Nullable String remoteAddress) implements TelephonyEvent {
    public CallOffered {
      Checks.notNull(channel, "channel");
      Checks.notNull(from, "from");
      Checks.notNull(to, "to");
    }
  }

  /** The call is answered and media flows: the call flow may start. */
  record CallAnswered(ChannelId channel) implements TelephonyEvent {
    public CallAnswered {
      Checks.notNull(channel, "channel");
    }
  }

  /**
   * The caller keyed one DTMF key.
   *
   * @param digit one of {@code 0-9 * # A-D}
   */
  record DtmfReceived(ChannelId channel, char digit) implements TelephonyEvent {
    public DtmfReceived {
      Checks.notNull(channel, "channel");
      if ("0123456789*#ABCD".indexOf(Character.toUpperCase(digit)) < 0) {
        throw InvalidInputException.of("digit", "must be a DTMF key 0-9, *, # or A-D, was '%s'", digit);
      }
      digit = Character.toUpperCase(digit);
    }
  }

  /** A prompt asked for with {@link Telephony#playPrompt} finished playing (or was reported as played). */
  record PromptFinished(ChannelId channel, String promptId) implements TelephonyEvent {
    public PromptFinished {
      Checks.notNull(channel, "channel");
      Checks.notBlank(promptId, "promptId");
    }
  }

  /** The caller is now connected to the transfer target. */
  record TransferCompleted(ChannelId channel, String target) implements TelephonyEvent {
    public TransferCompleted {
      Checks.notNull(channel, "channel");
      Checks.notBlank(target, "target");
    }
  }

  /**
   * The transfer target could not be reached (not registered, busy, no answer); the caller is still on the line.
   *
   * @param reason a short reason for logs, such as {@code not registered} or {@code 486 Busy Here}
   */
  record TransferFailed(ChannelId channel, String target, String reason) implements TelephonyEvent {
    public TransferFailed {
      Checks.notNull(channel, "channel");
      Checks.notBlank(target, "target");
      Checks.notNull(reason, "reason");
    }
  }

  /** The call leg ended; {@code by} says who hung up. Nothing more is reported for the channel. */
  record HungUp(ChannelId channel, Party by) implements TelephonyEvent {
    public HungUp {
      Checks.notNull(channel, "channel");
      Checks.notNull(by, "by");
    }
  }

  /** An extension registered (or refreshed its registration) after authenticating. */
  record ExtensionRegistered(Registration registration) implements TelephonyEvent {
    public ExtensionRegistered {
      Checks.notNull(registration, "registration");
    }
  }

  /** An extension removed its registration, or it expired. */
  record ExtensionUnregistered(String extension, String contact) implements TelephonyEvent {
    public ExtensionUnregistered {
      Checks.notBlank(extension, "extension");
      Checks.notBlank(contact, "contact");
    }
  }

  /**
   * A registration was refused. Never carries a password or digest response.
   *
   * @param user the user name the request claimed (it may not exist)
   * @param reason a short reason for logs, such as {@code bad credentials} or {@code locked out}
   */
  record RegistrationRefused(String user, @Nullable String remoteAddress, String reason, Instant at)
      implements TelephonyEvent {
    public RegistrationRefused {
      Checks.notNull(user, "user");
      Checks.notBlank(reason, "reason");
      Checks.notNull(at, "at");
    }
  }
}
