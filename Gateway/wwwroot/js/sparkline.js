// A problem group's last 24 hours as a row of bars, one per hour, oldest first.
const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 144;
const HEIGHT = 22;

export function sparkline(hours) {
  const svg = document.createElementNS(SVG, 'svg');
  const max = Math.max(1, ...hours.map(h => h.count));
  const step = WIDTH / hours.length;
  svg.setAttribute('class', 'sparkline');
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('width', WIDTH);
  svg.setAttribute('height', HEIGHT);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Open events per hour over the last 24 hours: ${hours.reduce((sum, h) => sum + h.count, 0)}`);
  hours.forEach((hour, i) => {
    const height = hour.count === 0 ? 1 : Math.max(2, (hour.count / max) * HEIGHT);
    const bar = document.createElementNS(SVG, 'rect');
    bar.setAttribute('x', (i * step).toFixed(1));
    bar.setAttribute('y', (HEIGHT - height).toFixed(1));
    bar.setAttribute('width', (step - 1).toFixed(1));
    bar.setAttribute('height', height.toFixed(1));
    bar.setAttribute('class', hour.count === 0 ? 'empty' : 'filled');
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${new Date(hour.hour).toLocaleString()}: ${hour.count}`;
    bar.append(title);
    svg.append(bar);
  });
  return svg;
}
