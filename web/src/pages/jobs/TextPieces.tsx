import type { TextPiece } from '../../api/jobs.ts';

/** Text with the search's matched words marked (<mark>); pieces come from the server, never HTML. */
export function TextPieces({ pieces }: { pieces: readonly TextPiece[] }) {
  return (
    <>
      {pieces.map((piece, i) =>
        piece.hit ? (
          <mark key={i} style={{ padding: 0, background: '#ffe58f' }}>
            {piece.text}
          </mark>
        ) : (
          <span key={i}>{piece.text}</span>
        ),
      )}
    </>
  );
}
