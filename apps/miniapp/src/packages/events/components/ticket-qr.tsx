import { useMemo } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { create } from 'qrcode';
import { imageAlt } from '../../../a11y';

/**
 * The ticket code as a QR code, drawn here as an SVG (no canvas, no request): the API's care QR route serves
 * pickup codes only, and the code is all staff need to scan. The quiet zone of four modules is part of it.
 */
export function ticketQrSvg(code: string): string {
  const { modules } = create(code, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const quiet = 4;
  let path = '';
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) {
      if (modules.get(row, col)) path += `M${col + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  const side = size + quiet * 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

export default function TicketQr({ code }: { code: string }) {
  const src = useMemo(() => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(ticketQrSvg(code))}`, [code]);
  return (
    <View className='ticket-qr'>
      <Image className='ticket-qr__image' src={src} mode='aspectFit' {...imageAlt(`电子票二维码，票码 ${code}`)} />
      <Text className='events-code'>{code}</Text>
    </View>
  );
}
