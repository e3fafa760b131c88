import {openTable} from '../dist/table/open.js'
import {readRows} from '../dist/table/rows.js'
import {dataRange} from '../dist/engine/run-table.js'
const file = new URL('data/spend-200000.csv', import.meta.url).pathname
const {head} = await openTable(file, file)
const rows = []
await readRows(head, dataRange(head), (row) => rows.push(row), 100_000)
const cols = [0,1,2,5,6,7]
function cpu(name,f){let best=Infinity; for(let r=0;r<7;r++){const s=process.cpuUsage(); f(); const u=process.cpuUsage(s); best=Math.min(best,(u.user+u.system)/1000)} console.log(name, best.toFixed(0), 'ms')}
cpu('Map.get', ()=>{ const maps=cols.map(()=>new Map()); let n=0; for(const r of rows){ for(let k=0;k<cols.length;k++){ const c=r.cells[cols[k]]; const m=maps[k]; const g=m.get(c); if(g!==undefined) g.count++; else m.set(c,{value:c,count:1}) } } })
const SIZE=8192, MASK=SIZE-1
function h(s){ const n=s.length; return (n*31 + s.charCodeAt(0)*7 + s.charCodeAt(n-1)*131 + s.charCodeAt(n>>1)*17 + s.charCodeAt(n>>2)*1031) & MASK }
cpu('custom hash', ()=>{ const tabs=cols.map(()=>new Array(SIZE).fill(undefined)); for(const r of rows){ for(let k=0;k<cols.length;k++){ const c=r.cells[cols[k]]; const t=tabs[k]; let i=h(c); for(;;){ const g=t[i]; if(g===undefined){ t[i]={value:c,count:1}; break } if(g.value===c){ g.count++; break } i=(i+1)&MASK } } } })
// verify strings get hashed: after Map.get, a second Map.get is faster?
cpu('Map.get x2 (hash cached)', ()=>{ const maps=cols.map(()=>new Map()); for(const r of rows){ for(let k=0;k<cols.length;k++){ const c=r.cells[cols[k]]; const m=maps[k]; const g=m.get(c); if(g!==undefined) g.count++; else m.set(c,{value:c,count:1}) } } })
