/** How far a picture scaled by `scale` may be moved each way and still cover the middle of its stage. */
export function clampPan(pan: { x: number; y: number }, scale: number, stage: { width: number; height: number }) {
  const limitX = ((scale - 1) * stage.width) / 2;
  const limitY = ((scale - 1) * stage.height) / 2;
  return { x: Math.max(-limitX, Math.min(limitX, pan.x)), y: Math.max(-limitY, Math.min(limitY, pan.y)) };
}
