import {builtInRuleSets} from '../dist/engine/rule-sets.js'
import {CheckRegistry} from '../dist/engine/registry.js'
import {validateRuleOptions} from '../dist/engine/options.js'
import {selectRules} from '../dist/engine/select.js'
import {openTable} from '../dist/table/open.js'
import {readRows} from '../dist/table/rows.js'
import {dataRange} from '../dist/engine/run-table.js'
import {rowRunner} from '../dist/engine/chunk.js'
import {ValueGroups} from '../dist/engine/value-groups.js'
const file = new URL('data/spend-200000.csv', import.meta.url).pathname
const registry = await CheckRegistry.load([new URL('../dist/checks/index.js', import.meta.url).href])
const catalog = [...builtInRuleSets().values()].flat()
const rules = validateRuleOptions(selectRules(catalog, []), registry)
const {head} = await openTable(file, file)
const rows = []
await readRows(head, dataRange(head), (row) => rows.push(row), 100_000)
function cpu(f){let best=Infinity; for(let r=0;r<5;r++){const s=process.cpuUsage(); f(); const u=process.cpuUsage(s); best=Math.min(best,(u.user+u.system)/1000)} return best.toFixed(0)}
console.log('groups, no sinks', cpu(()=>{const g=new ValueGroups([],1); for(const r of rows) g.add(r); g.flush()}))
let n=0
console.log('groups, 1 noop sink', cpu(()=>{const g=new ValueGroups([(r)=>{n+=r.count}],1); for(const r of rows) g.add(r); g.flush()}))
const noop=[];for(let i=0;i<8;i++){const k=i; noop.push((r)=>{n+=r.count+k})}
console.log('groups, 8 noop sinks', cpu(()=>{const g=new ValueGroups(noop,1); for(const r of rows) g.add(r); g.flush()}))
const sel = (pred) => rules.filter((r)=>pred(registry.get(r.check).create(r.options)))
for (const [name, pick] of [['row hooks only', h=>h.row && !h.value], ['value hook rules', h=>h.value], ['all', h=>true]]) {
  const rs = sel(pick)
  console.log(name, rs.length, cpu(()=>{const hooks=rs.map(r=>registry.get(r.check).create(r.options)); hooks.forEach(h=>h.header?.(head,()=>{})); const run=rowRunner(head,hooks,100); for(const r of rows) run.onRow(r); run.result({})}))
}
console.log('value rules:', sel(h=>h.value).map(r=>r.id).join(' '))
console.log('row rules:', sel(h=>h.row).map(r=>r.id).join(' '))
