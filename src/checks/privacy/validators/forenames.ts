/**
 * Common forenames in England and Wales (ONS baby-name lists across the decades of today's
 * adults, plus common short forms). Used only to raise confidence that a name-shaped value
 * is a person: `Philip Cox` is more surely a person than `Grove Lane`. Absence proves nothing.
 */
const FORENAMES = `
aaron abdul abigail adam adrian agnes aidan aileen alan alastair albert alex alexander alexandra alexis alfie alfred ali alice alison
alistair allan amanda amber amelia amir amy andrea andrew andy angela angus anita ann anna anne annette annie anthony antony april archie
arthur ashley audrey austin ava barbara barry beatrice ben benjamin bernard beryl beth bethany betty beverley bill billy blake bob bobby
brenda brendan brian bridget brooke bruce bryan callum calum cameron carl carla carol caroline carolyn catherine cath cathy charles charlie
charlotte chelsea cheryl chloe chris christina christine christopher ciaran claire clare colin connor conor craig daisy dale damian
damien dan daniel danielle danny darren dave david dawn dean debbie deborah debra declan denise dennis derek diana diane dianne dominic
donald donna doreen doris dorothy dylan edward eileen elaine eleanor elizabeth ella ellie emily emma eric erin ethan eve evelyn evie
fatima fiona florence frances francesca francis frank freddie frederick freya gail gareth garry gary gavin gemma geoffrey george georgia
georgina gerald geraldine gillian gladys glenn glen gordon grace graham grant gregory guy gwen hannah harold harriet harry harvey hayley
hazel heather helen henry hilary holly howard hugh hugo ian imogen irene isaac isabel isabella isabelle isla ivy jack jackie jacob
jacqueline jade jake james jamie jane janet janice jasmine jason jay jayne jean jeff jeffrey jemma jenna jennifer jenny jeremy jessica
jill jim jimmy joan joanna joanne joe joel john jonathan jon jordan joseph josephine josh joshua joy joyce judith judy julia julian julie
june justin karen kate katherine kathleen kathryn katie katy kayleigh keith kelly kenneth kerry kevin kieran kim kirsty kyle laura lauren
lawrence layla leah lee leo leon leonard lesley leslie lewis liam lily linda lindsay lisa logan lorraine louis louise lucas lucy luke
lydia lynda lynn lynne maisie malcolm mandy marcus margaret maria marian marie marion mark martin martyn mary mason matilda matthew maureen
max maxine megan melanie melissa mia michael michelle mike millie mohammed mohammad mohamed molly muhammad nancy naomi natalie natasha
nathan neil nicholas nick nicola nicole nigel noah norma norman oliver olivia oscar owen paige pamela patricia patrick paul paula pauline
penelope peter philip phillip phoebe phil poppy priya rachel rebecca reece rhys richard rita rob robert robin robyn roger ronald rose
rosemary ross roy ruby russell ruth ryan sally sam samantha samuel sandra sara sarah scarlett scott sean shannon sharon sheila shirley
simon sophia sophie stacey stanley stella stephanie stephen steve steven stewart stuart susan susanna suzanne sylvia tania tanya teresa
terence terry theo theodore theresa thomas tim timothy tina toby todd tom tommy tony tracey tracy trevor valerie vanessa vera victoria
vincent violet vivien wayne wendy william willow yasmin yvonne zac zachary zara zoe
`

const NAMES = new Set(FORENAMES.split(/\s+/).filter(Boolean))

export function isForename(word: string): boolean {
  return NAMES.has(word.toLowerCase())
}
