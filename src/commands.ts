// Every command id in one place, grouped by the module that handles it. package.json contributes exactly these
// (internal `_` ids aside); registerCommands() makes each module handle all of its group and nothing else, and
// the manifest unit test checks the groups against package.json.
export const CommandGroups = {
  tagging: {
    tagClaim: 'claimTagger.tagClaim',
    tagAttribution: 'claimTagger.tagAttribution',
    tagOpinion: 'claimTagger.tagOpinion',
    tagAs: 'claimTagger.tagAs',
    repinTag: 'claimTagger.repinTag',
  },
  editTags: {
    removeTag: 'claimTagger.removeTag',
    editNote: 'claimTagger.editNote',
    setStatus: 'claimTagger.setStatus',
    changeKind: 'claimTagger.changeKind',
    addLink: 'claimTagger.addLink',
  },
  attribution: { setSource: 'claimTagger.setSource' },
  spanPicker: { confirmSpan: 'claimTagger.confirmSpan', cancelSpan: 'claimTagger.cancelSpan' },
  navigation: { nextTag: 'claimTagger.nextTag', previousTag: 'claimTagger.previousTag', goToTag: 'claimTagger.goToTag' },
  sidecar: { openSidecar: 'claimTagger.openSidecar', reloadSidecar: 'claimTagger.reloadSidecar' },
  highlights: { toggleHighlights: 'claimTagger.toggleHighlights' },
  tree: {
    groupTags: 'claimTagger.groupTags',
    filterTags: 'claimTagger.filterTags',
    clearTagFilter: 'claimTagger.clearTagFilter',
    refreshTags: 'claimTagger.refreshTags',
    copyQuote: 'claimTagger.copyQuote',
    copyCitation: 'claimTagger.copyCitation',
    revealSidecar: 'claimTagger.revealSidecar',
    openTag: 'claimTagger._openTag',
  },
  conflicts: {
    keepThisVersion: 'claimTagger.keepThisVersion',
    keepOtherVersion: 'claimTagger.keepOtherVersion',
    keepBothVersions: 'claimTagger.keepBothVersions',
  },
  walkthrough: { openSample: 'claimTagger.openSample', enableWordWrap: 'claimTagger.enableWordWrap' },
  suggestions: {
    suggestTags: 'claimTagger.suggestTags',
    acceptSuggestions: 'claimTagger.acceptSuggestions',
    clearSuggestions: 'claimTagger.clearSuggestions',
    acceptSuggestion: 'claimTagger._acceptSuggestion',
    dismissSuggestion: 'claimTagger._dismissSuggestion',
    neverSuggest: 'claimTagger._neverSuggest',
  },
  learn: { showLearned: 'claimTagger.showLearned', forgetLearned: 'claimTagger.forgetLearned' },
  undo: { undoTagAction: 'claimTagger.undoTagAction' },
  team: { compareAnnotators: 'claimTagger.compareAnnotators', curateTags: 'claimTagger.curateTags' },
  blindMode: { toggleAnnotateBlind: 'claimTagger.toggleAnnotateBlind' },
  log: { showLog: 'claimTagger.showLog' },
  report: {
    exportReport: 'claimTagger.exportReport',
    previewReport: 'claimTagger.previewReport',
    importAnnotations: 'claimTagger.importAnnotations',
  },
} as const;

export type CommandGroup = keyof typeof CommandGroups;

/** Every id by its short name (`Commands.tagClaim`), for callers that run or link a command. */
export const Commands = Object.assign({}, ...Object.values(CommandGroups)) as UnionToIntersection<(typeof CommandGroups)[CommandGroup]>;

export type CommandId = { [G in CommandGroup]: (typeof CommandGroups)[G][keyof (typeof CommandGroups)[G]] }[CommandGroup];

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
