import { Typography } from 'antd';
import { useEffect, useState } from 'react';

/** The otpauth:// address an authenticator app reads (Google Authenticator key URI format). */
export function otpauthUri(username: string, secret: string): string {
  const label = encodeURIComponent(`Yangfan:${username}`);
  return `otpauth://totp/${label}?secret=${encodeURIComponent(secret)}&issuer=Yangfan`;
}

interface OtpauthQrCodeProps {
  username: string;
  secret: string;
  /** Accessible description of the image. */
  alt: string;
  size?: number;
}

/** QR code of a TOTP secret; the qrcode library is loaded only when one is shown. */
export function OtpauthQrCode({ username, secret, alt, size = 140 }: OtpauthQrCodeProps) {
  const [dataUrl, setDataUrl] = useState<string>();
  const [hasFailed, setHasFailed] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    import('qrcode')
      .then((qrcode) => qrcode.toDataURL(otpauthUri(username, secret), { width: size, margin: 1 }))
      .then((url) => {
        if (isCurrent) setDataUrl(url);
      })
      .catch(() => {
        if (isCurrent) setHasFailed(true);
      });
    return () => {
      isCurrent = false;
    };
  }, [username, secret, size]);

  if (hasFailed) return <Typography.Text code>{otpauthUri(username, secret)}</Typography.Text>;
  if (!dataUrl) return <div style={{ width: size, height: size }} aria-busy="true" />;
  return <img src={dataUrl} width={size} height={size} alt={alt} />;
}
